import RotorCore
@testable import RotorUI
import Testing

/// `rotor line`'s text: the headline numbers as the panes write them, the alerts,
/// plain and as tmux styles, with what comes from outside escaped.
@Suite struct StatusLineTextTests {
    static let rotation = ActiveFlag(.alert, "EXTREME", brief: "leading", subject: "RTY/ES", alert: "rotation-extreme")

    static func sample(fired: [StatusLineText.FiredAlert] = [StatusLineText.FiredAlert("gap#1", .warn)]) -> StatusLineText {
        StatusLineText(headlines: [.init("RTY/ES z", 2.0431, .signed(2), coloursBySign: true),
                                   .init("VIX prem", -1.5, .points, coloursBySign: true),
                                   .init("% > 50d", nil, .percentLevel(decimals: 1), coloursBySign: false),
                                   .init("2s10s", 45.2, .basisPoints, coloursBySign: true)],
                       regime: "bear steepener", flags: [rotation], fired: fired)
    }

    @Test func plainLineHasTheNumbersAsPanesWriteThemAndTheAlerts() {
        #expect(Self.sample().plain
            == "RTY/ES z +2.04 · VIX prem -1.50 pts · % > 50d – · 2s10s +45 bp bear steepener · ⚑ RTY/ES EXTREME leading · gap#1")
    }

    @Test func tmuxLineStylesByRoleDoublesHashAndEndsWithDefault() {
        let expected = "#[dim]RTY/ES z #[default]#[fg=green]+2.04#[default]#[dim] · VIX prem #[default]"
            + "#[fg=red]-1.50 pts#[default]#[dim] · % > 50d #[default]–#[dim] · 2s10s #[default]#[fg=green]+45 bp#[default]"
            + " bear steepener#[dim] · #[default]#[fg=red,bold,reverse]⚑ RTY/ES EXTREME leading#[default]"
            + "#[dim] · #[default]#[fg=yellow,bold]gap##1#[default]"
        #expect(Self.sample().tmux(.standard) == expected)
    }

    /// A value shown as zero has no sign colour (the digits say nothing moved).
    @Test func zeroAsShownIsNotColouredAndAbsentIsTheMarker() {
        let text = StatusLineText(headlines: [.init("2s10s", 0.3, .basisPoints, coloursBySign: true),
                                              .init("RTY/ES z", nil, .signed(2), coloursBySign: true)])
        #expect(text.plain == "2s10s +0 bp · RTY/ES z –")
        #expect(text.tmux(.standard) == "#[dim]2s10s #[default]+0 bp#[dim] · RTY/ES z #[default]–#[default]")
    }

    @Test func controlCharactersAreEscapedInBothFormats() {
        let text = Self.sample(fired: [.init("evil\u{1B}]0;owned\u{07}#[fg=red]", .alert)])
        #expect(text.plain.hasSuffix(" · evil\\e]0;owned\\x07#[fg=red]"))
        #expect(text.tmux(.standard).hasSuffix("#[fg=red,bold,reverse]evil\\e]0;owned\\x07##[fg=red]#[default]"))
        #expect(!text.plain.unicodeScalars.contains { $0.value < 0x20 })
    }

    /// Themes' colours as tmux names them: 256-colour indexes and #rrggbb.
    @Test func themeColoursBecomeTmuxColours() {
        var palette = Palette.standard
        palette[.up] = Style(foreground: .indexed(208))
        palette[.dim] = Style(foreground: .rgb(0x10, 0x0a, 0xff), background: .black)
        let text = StatusLineText(headlines: [.init("z", 1, .signed(2), coloursBySign: true)])
        #expect(text.tmux(palette) == "#[fg=#100aff,bg=black]z #[default]#[fg=colour208]+1.00#[default]")
    }

    @Test func noAlertsNoMarkerAndWarnOnlyMarkerIsWarn() {
        #expect(!Self.sample(fired: []).plain.contains("gap"))
        let warn = StatusLineText(headlines: [], fired: [.init("slow", .warn)])
        #expect(warn.plain == "⚑ slow")
        #expect(warn.tmux(.standard) == "#[fg=yellow,bold]⚑ slow#[default]")
    }

    @Test func flagsAreInTheStripsOrderAlertsFirst() {
        let iv = ActiveFlag(.warn, "IV<RV", subject: "VIX", alert: "iv-below-rv:VIX")
        let text = StatusLineText(headlines: [], flags: [iv, Self.rotation])
        #expect(text.plain == "⚑ RTY/ES EXTREME leading · VIX IV<RV")
    }
}
