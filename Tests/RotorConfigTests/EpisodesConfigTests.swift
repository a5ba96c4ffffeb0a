import RotorCore
import Testing
@testable import RotorConfig

/// `[[episodes]]`: named stretches to replay; every mistake an error at its file,
/// line and key; `--episode NAME` finds one or names the ones there are.
@Suite struct EpisodesConfigTests: MyTomlParsing {
    static let two = """
    [[episodes]]
    name = "rotation-squeeze"
    from = "2024-07-11"
    to = "2024-07-24"
    note = "RTY/ES at a rotation extreme"

    [[episodes]]
    name = "vol-crush"
    from = "2025-04-14"
    to = "2025-04-14"
    """

    @Test func episodesParseInOrder() throws {
        let c = try parse(Self.two)
        #expect(c.episodes == [
            Episode(name: "rotation-squeeze", from: Day(year: 2024, month: 7, day: 11)!, to: Day(year: 2024, month: 7, day: 24)!,
                    note: "RTY/ES at a rotation extreme", line: 1),
            Episode(name: "vol-crush", from: Day(year: 2025, month: 4, day: 14)!, to: Day(year: 2025, month: 4, day: 14)!, line: 7),
        ])
    }

    @Test func mistakesAreErrorsAtTheirLine() {
        let cases: [(String, String)] = [
            ("[[episodes]]\nfrom = \"2024-01-02\"\nto = \"2024-02-01\"\n",
             "my.toml:1: episodes[1].name: missing (what --episode takes, e.g. \"rotation-squeeze\")"),
            ("[[episodes]]\nname = \"two words\"\nfrom = \"2024-01-02\"\nto = \"2024-02-01\"\n",
             "my.toml:2: episodes[1].name: 'two words' is not an episode name (letters, digits, - _ .)"),
            ("[[episodes]]\nname = \"a\"\nto = \"2024-02-01\"\n", "my.toml:1: episodes[1].from: missing (a date, YYYY-MM-DD)"),
            ("[[episodes]]\nname = \"a\"\nfrom = \"2024-13-02\"\nto = \"2024-02-01\"\n",
             "my.toml:3: episodes[1].from: cannot read '2024-13-02' as a date (YYYY-MM-DD)"),
            ("[[episodes]]\nname = \"a\"\nfrom = \"2024-03-02\"\nto = \"2024-02-01\"\n",
             "my.toml:4: episodes[1].to: 2024-02-01 is before from (2024-03-02); an episode runs from its first date to its last"),
            ("[[episodes]]\nname = \"a\"\nfrom = \"2024-01-02\"\nto = \"2024-02-01\"\n\n[[episodes]]\nname = \"A\"\nfrom = \"2024-01-02\"\nto = \"2024-02-01\"\n",
             "my.toml:7: episodes[2].name: an episode named 'A' is already declared (line 1); give each [[episodes]] its own name"),
            ("[[episodes]]\nname = \"a\"\nfrom = \"2024-01-02\"\nto = \"2024-02-01\"\nnotes = \"x\"\n",
             "my.toml:5: unknown key notes in [episodes[1]] (did you mean note?)"),
            ("[[episodes]]\nname = \"a\"\nfrom = 2024-01-02\nto = \"2024-02-01\"\n",
             "my.toml:3: dates are not supported here; write 2024-01-02 as a string: \"2024-01-02\""),
        ]
        for (text, want) in cases {
            #expect(failure(text) == want, "\(text)")
        }
    }

    @Test func aNoteKeepsControlCharactersEscaped() throws {
        let c = try parse("[[episodes]]\nname = \"a\"\nfrom = \"2024-01-02\"\nto = \"2024-02-01\"\nnote = \"bell\\u0007\"\n")
        #expect(c.episodes.first?.note == "bell\\x07")
    }

    @Test func anEpisodeIsFoundByNameOrNamesTheOnesThereAre() throws {
        let c = try parse(Self.two)
        #expect(try c.episode(named: "vol-crush").name == "vol-crush")
        #expect(try c.episode(named: "VOL-CRUSH").name == "vol-crush")
        #expect(throws: RotorConfig.UnknownEpisode.self) { try c.episode(named: "rotation-squeze") }
        do {
            _ = try c.episode(named: "rotation-squeze")
        } catch {
            #expect(error.description
                == "--episode: no episode 'rotation-squeze' (did you mean rotation-squeeze?); the episodes are rotation-squeeze, vol-crush")
        }
        do {
            _ = try RotorConfig().episode(named: "x")
        } catch {
            #expect(error.description == "--episode: no episode 'x': the config declares no [[episodes]]")
        }
    }
}
