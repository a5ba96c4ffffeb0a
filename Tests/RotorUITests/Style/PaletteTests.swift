import Testing
@testable import RotorUI

@Suite struct PaletteTests {
    @Test func foregroundRoleBringsTheRolesColorsAndAttributes() {
        let palette = Palette([.title: Style(foreground: .yellow, background: .blue, attributes: .bold)])
        #expect(palette.resolve(Style.role(.title).underlined())
            == Style(foreground: .yellow, background: .blue, attributes: [.bold, .underline]))
        #expect(palette.resolve(Style(foreground: .role(.title), background: .red))
            == Style(foreground: .yellow, background: .red, attributes: .bold))
    }

    @Test func backgroundRoleMeansTheRolesInkAsBackground() {
        #expect(Palette.standard.resolve(Style(foreground: .black, background: .role(.focusBorder)))
            == Style(foreground: .black, background: .cyan))
    }

    @Test func missingRolesFallBackToTheStandardPalette() {
        let palette = Palette([.up: Style(foreground: .indexed(40))])
        #expect(palette[.up] == Style(foreground: .indexed(40)))
        #expect(palette[.down] == Palette.standard[.down])
    }

    @Test func standardPaletteUsesOnlyBasicColorsAndGivesSeriesDistinctColors() {
        for role in StyleRole.allCases {
            let style = Palette.standard[role]
            #expect(style.foreground == .default || style.foreground.basicIndex != nil, "\(role)")
            #expect(style.background == .default, "\(role)")
        }
        let seriesColors = Set(StyleRole.series.map { Palette.standard[$0].foreground })
        #expect(seriesColors.count == 6)
        #expect(StyleRole.series(7) == .series2)
    }

    @Test func concreteStylesPassUnchanged() {
        let style = Style(foreground: .rgb(1, 2, 3), background: .indexed(17), attributes: .dim)
        #expect(Palette.standard.resolve(style) == style)
    }

    @Test func colorDepthFollowsTheEnvironment() {
        #expect(ColorDepth.detect(environment: ["NO_COLOR": "", "COLORTERM": "truecolor"]) == .none)
        #expect(ColorDepth.detect(environment: ["COLORTERM": "24bit", "TERM": "xterm"]) == .trueColor)
        #expect(ColorDepth.detect(environment: ["TERM": "tmux-256color"]) == .indexed256)
        #expect(ColorDepth.detect(environment: ["TERM": "screen"]) == .basic8)
    }

    @Test func rgbMapsToTheNearestPaletteEntries() {
        #expect(ColorApproximation.index256(r: 255, g: 0, b: 0) == 196)
        #expect(ColorApproximation.index256(r: 0, g: 0, b: 0) == 16)
        #expect(ColorApproximation.index256(r: 128, g: 128, b: 128) == 244)
        #expect(ColorApproximation.index256(r: 95, g: 135, b: 175) == 67)
        #expect(ColorApproximation.basicIndex(r: 255, g: 165, b: 0) == 3)
        #expect(ColorApproximation.basicIndex(r: 0, g: 0, b: 128) == 4)
        #expect(ColorApproximation.basicIndex(r: 250, g: 250, b: 250) == 7)
        #expect(ColorApproximation.basicIndex(r: 128, g: 128, b: 128) == 7)
        #expect(ColorApproximation.basicIndex(r: 30, g: 30, b: 40) == 0)
        #expect(ColorApproximation.basicIndex(r: 88, g: 88, b: 88) == 0)
        #expect(ColorApproximation.basicIndex(r: 0, g: 0, b: 60) == 4)
        #expect(ColorApproximation.basicIndex(r: 139, g: 0, b: 0) == 1)
        #expect(ColorApproximation.basicIndex(r: 100, g: 200, b: 255) == 6)
        #expect(ColorApproximation.basicIndex(r: 128, g: 0, b: 128) == 5)
    }
}

@Suite struct ColorApproximationTests {
    @Test func colorsDegradeStepByStep() {
        let orange = Color.rgb(255, 175, 0)
        #expect(orange.approximated(for: .trueColor) == orange)
        #expect(orange.approximated(for: .indexed256) == .indexed(214))
        #expect(orange.approximated(for: .basic8) == .yellow)
        #expect(orange.approximated(for: .none) == .default)
        #expect(Color.indexed(12).approximated(for: .basic8) == .blue)
        #expect(Color.indexed(12).approximated(for: .indexed256) == .indexed(12))
        #expect(Color.cyan.approximated(for: .basic8) == .cyan)
        #expect(Color.role(.up).approximated(for: .trueColor) == .default)
    }

    @Test func stylesLoseColourButKeepEmphasisWithoutColour() {
        let style = Style(foreground: .red, background: .indexed(236), attributes: [.bold, .dim, .underline])
        #expect(style.approximated(for: .none) == Style(attributes: [.bold, .underline]))
        #expect(style.approximated(for: .basic8) == Style(foreground: .red, background: .black,
                                                          attributes: [.bold, .dim, .underline]))
    }
}
