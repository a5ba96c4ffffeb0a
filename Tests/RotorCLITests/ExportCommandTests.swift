import Testing

@Suite struct ExportCommandTests {
    let good = RotorProcess.fixtures + "/good"

    @Test func writesUnionOfDatesWithHoles() throws {
        let r = try RotorProcess.run(["export", "--data", good, "A", "sub(B, 4)", "chg(A,2)"])
        #expect(r.status == 0)
        #expect(r.stderr == "")
        #expect(r.stdout == """
        date,A,"sub(B, 4)","chg(A,2)"
        2024-01-02,10,0,
        2024-01-03,11,,
        2024-01-04,12.5,0.09999999999999964,0.25
        2024-01-05,10,0.04999999999999982,-0.09090909090909094
        2024-01-08,11,0.20000000000000018,-0.12
        2024-01-09,,0.25,

        """)
    }

    @Test func limitsRowsButNotHistory() throws {
        let r = try RotorProcess.run(["export", "--data", good, "--from", "2024-01-05", "--to", "2024-01-08",
                                      "chg(A,2)"])
        #expect(r.status == 0)
        #expect(r.stdout == "date,\"chg(A,2)\"\n2024-01-05,-0.09090909090909094\n2024-01-08,-0.12\n")
    }

    @Test func writesJSONWithNulls() throws {
        let r = try RotorProcess.run(["export", "--data", good, "--format", "json", "--to", "2024-01-03",
                                      "A", "netadv(@U)"])
        #expect(r.status == 0)
        #expect(r.stdout == """
        [
        {"date":"2024-01-02","A":10,"netadv(@U)":null},
        {"date":"2024-01-03","A":11,"netadv(@U)":0}
        ]

        """)
    }

    /// Each fault: exit status 2 and exactly one line on stderr that names it.
    @Test(arguments: [
        (["corr(A,B)"], "in 'corr(A,B)': corr: expected 3 arguments, got 2 (at column 1)"),
        (["foo(A)"], "in 'foo(A)': unknown function foo (at column 1)"),
        (["ratio(A,NOPE)"], "in 'ratio(A,NOPE)': unknown symbol NOPE (at column 9)"),
        (["above(@nope,5)"], "in 'above(@nope,5)': unknown universe @nope (at column 7)"),
        (["sma(A,2.5)"], "in 'sma(A,2.5)': sma: n must be a positive integer, got 2.5 (at column 7)"),
        (["--from", "yesterday", "A"], "--from: cannot read 'yesterday' as a date (expected YYYY-MM-DD)"),
    ])
    func badExpressionsExitTwoWithOneLine(arguments: [String], message: String) throws {
        let r = try RotorProcess.run(["export", "--data", good] + arguments)
        #expect(r.status == 2)
        #expect(r.stdout == "")
        #expect(r.stderr == "rotor: \(message)\n")
    }

    @Test(arguments: [
        ("badvalue", "badvalue/A.csv:3: column 2 (Close): cannot read \"abc\" as a number"),
        ("badrow", "badrow/A.csv:3: column 1 (Date): cannot read \"2024/01/03\" as a date (expected YYYY-MM-DD or M/D/YYYY)"),
        ("duplicate", "duplicate/A.csv: duplicate date 2024-01-02 on lines 2 and 4"),
        ("empty", "empty/A.csv: empty file"),
    ])
    func badDataExitsTwoNamingFileAndLine(folder: String, message: String) throws {
        let r = try RotorProcess.run(["export", "--data", RotorProcess.fixtures + "/" + folder, "A"])
        #expect(r.status == 2)
        #expect(r.stdout == "")
        #expect(r.stderr == "rotor: \(RotorProcess.fixtures)/\(message)\n")
    }

    @Test func missingFolderAndUsageErrors() throws {
        let missing = try RotorProcess.run(["export", "--data", "/nonexistent/rotor-data", "A"])
        #expect(missing.status == 2)
        #expect(missing.stderr == "rotor: no such folder: /nonexistent/rotor-data\n")

        let noExpr = try RotorProcess.run(["export", "--data", good])
        #expect(noExpr.status == 2)
        #expect(noExpr.stderr.split(separator: "\n").count == 1)

        let badFormat = try RotorProcess.run(["export", "--data", good, "--format", "xml", "A"])
        #expect(badFormat.status == 2)
        #expect(badFormat.stderr.contains("xml"))
        #expect(badFormat.stderr.split(separator: "\n").count == 1)
    }
}

@Suite struct ExportWarningTests {
    @Test func skippedFileIsReportedAndExportGoesOn() throws {
        let r = try RotorProcess.run(["export", "--data", RotorProcess.fixtures + "/skipped", "--to", "2024-01-02", "A"])
        #expect(r.status == 0)
        #expect(r.stdout == "date,A\n2024-01-02,10\n")
        #expect(r.stderr.hasPrefix("rotor: warning: "))
        #expect(r.stderr.contains("^GSPC.csv"))
        #expect(r.stderr.split(separator: "\n").count == 1)
    }
}

@Suite struct SnapshotCommandTests {
    func columns(_ line: Substring) -> Int { line.unicodeScalars.count } // box, braille: one column each

    @Test(arguments: [(80, 24), (120, 40), (200, 60)])
    func printsExactlyTheScreen(width: Int, height: Int) throws {
        let r = try RotorProcess.run(["snapshot", "--width", "\(width)", "--height", "\(height)"])
        #expect(r.status == 0)
        let lines = r.stdout.split(separator: "\n", omittingEmptySubsequences: false).dropLast()
        #expect(lines.count == height)
        #expect(lines.allSatisfy { columns($0) <= width })
        for title in ["1 RTY/ES", "2 MAG7 vs SPX", "3 VOL PREMIUM", "4 BREADTH", "5 RATES x EQUITIES"] {
            #expect(r.stdout.contains(title), "\(title) at \(width)x\(height)")
        }
        #expect(lines.last!.contains("REPLAY") && lines.last!.contains("2026-11-20"))
        // At 80 columns the help hint gives way to the page and the flags.
        #expect(width < 120 || lines.last!.contains("? help"))
        #expect(r.stdout.contains("ratio 0.3594"))
    }

    @Test func zoomShowsOnePaneAndTooSmallSaysSo() throws {
        let zoomed = try RotorProcess.run(["snapshot", "--width", "100", "--height", "30", "--focus", "4", "--zoom"])
        #expect(zoomed.stdout.contains("4 BREADTH") && !zoomed.stdout.contains("1 RTY/ES"))
        let small = try RotorProcess.run(["snapshot", "--width", "40", "--height", "10"])
        #expect(small.stdout.split(separator: "\n", omittingEmptySubsequences: false).dropLast().count == 10)
        #expect(small.stdout.contains("terminal too small (need 60x16)"))
    }

    @Test func replayDateAndErrors() throws {
        let past = try RotorProcess.run(["snapshot", "--at", "2024-07-26", "--width", "120", "--height", "40"])
        #expect(past.stdout.contains("2024-07-26"))
        let bad = try RotorProcess.run(["snapshot", "--focus", "9"])
        #expect(bad.status == 2 && bad.stderr.contains("--focus"))
    }
}
