import Foundation
import RotorCore
import RotorData
import Testing

/// Every import error, with its exact wording: file, physical line (header = 1),
/// 1-based column and header name.
@Suite struct CSVErrorTests {
    func message(_ text: String, options: ImportOptions = ImportOptions()) -> String? {
        failure { () throws(DataError) in try CSVImporter.parse(text: text, name: "data/x.csv", options: options) }
    }

    @Test func emptyFile() {
        #expect(message("") == "data/x.csv: empty file")
        #expect(message("\u{FEFF}") == "data/x.csv: empty file")
        #expect(message(" \n\t\r\n\n") == "data/x.csv: empty file")
        #expect(failure { () throws(DataError) in try CSVImporter.parse([0xEF, 0xBB, 0xBF], name: "b.csv") } == "b.csv: empty file")
    }

    @Test func headerWithoutRows() {
        #expect(message("Date,Close\n") == "data/x.csv: no data rows after the header")
        #expect(message("Date,Close") == "data/x.csv: no data rows after the header")
        #expect(message("Date,Close\r\n\r\n,\r\n") == "data/x.csv: no data rows after the header")
    }

    @Test func valueThatIsNotANumber() {
        #expect(message("Date,Open,Close\n2024-01-02,1,2\n2024-01-03,1,abc\n")
            == "data/x.csv:3: column 3 (Close): cannot read \"abc\" as a number")
        #expect(message("Date,AAPL,MSFT\n2024-01-02,1,2\n2024-01-03,1,\"1,5\"\n")
            == "data/x.csv:3: column 3 (MSFT): cannot read \"1,5\" as a number")
        #expect(message("date,vix\n2024-01-02,12..5\n") == "data/x.csv:2: column 2 (vix): cannot read \"12..5\" as a number")
        #expect(message("date,vix\n2024-01-02,1e\n") == "data/x.csv:2: column 2 (vix): cannot read \"1e\" as a number")
        #expect(message("date,vix\n2024-01-02,+\n") == "data/x.csv:2: column 2 (vix): cannot read \"+\" as a number")
        #expect(message("date,vix\n2024-01-02,0x10\n") == "data/x.csv:2: column 2 (vix): cannot read \"0x10\" as a number")
    }

    @Test func nonFiniteNumbersAreErrors() {
        #expect(message("Date,vix\n2024-01-02,inf\n") == "data/x.csv:2: column 2 (vix): cannot read \"inf\" as a number")
        #expect(message("Date,vix\n2024-01-02,-Infinity\n") == "data/x.csv:2: column 2 (vix): cannot read \"-Infinity\" as a number")
        #expect(message("Date,vix\n2024-01-02,1e999\n") == "data/x.csv:2: column 2 (vix): cannot read \"1e999\" as a number")
    }

    @Test func otherColumnsOfAnOHLCFileAreNotRead() throws {
        let s = try parse("Date,Open,Close,Volume\n2024-01-02,n/q,2,lots\n").series
        #expect(s == Series(dates: [day("2024-01-02")], values: [2]))
    }

    @Test func dateThatDoesNotParse() {
        #expect(message("Date,Close\n2024-01-02,10\n2024/01/03,11\n")
            == "data/x.csv:3: column 1 (Date): cannot read \"2024/01/03\" as a date (expected YYYY-MM-DD or M/D/YYYY)")
        #expect(message("Close,DATE\n1,2024-02-30\n")
            == "data/x.csv:2: column 2 (DATE): cannot read \"2024-02-30\" as a date (expected YYYY-MM-DD or M/D/YYYY)")
        #expect(message("Date,Close\n,10\n")
            == "data/x.csv:2: column 1 (Date): cannot read \"\" as a date (expected YYYY-MM-DD or M/D/YYYY)")
    }

    @Test func wrongFieldCount() {
        #expect(message("Date,A,B\n2024-01-02,1,2\n2024-01-03,1\n") == "data/x.csv:3: expected 3 fields, found 2")
        #expect(message("Date,Close\n2024-01-02,1,2\n") == "data/x.csv:2: expected 2 fields, found 3")
    }

    @Test func duplicateDate() {
        #expect(message("Date,Close\n2024-01-02,10\n2024-01-03,11\n2024-01-02,12\n")
            == "data/x.csv: duplicate date 2024-01-02 on lines 2 and 4")
        // The first repeat in file order, named with the line of the original.
        #expect(message("Date,Close\n2024-01-05,1\n2024-01-02,2\n2024-01-05,3\n2024-01-02,4\n2024-01-05,5\n")
            == "data/x.csv: duplicate date 2024-01-05 on lines 2 and 4")
        // Also for rows whose value is missing, and across date spellings.
        #expect(message("DATE,DGS2\n2024-01-02,.\n1/2/2024,4.3\n")
            == "data/x.csv: duplicate date 2024-01-02 on lines 2 and 3")
    }

    @Test func unterminatedQuote() {
        #expect(message("Date,Close\n2024-01-02,\"10\n2024-01-03,11\n") == "data/x.csv:2: unterminated quoted field")
        #expect(message("Date,Close\n2024-01-02,1\n\"2024-01-03,11") == "data/x.csv:3: unterminated quoted field")
    }

    @Test func singleSeriesWithoutValues() {
        #expect(message("observation_date,DGS2\n2024-01-01,.\n2024-01-02,\n") == "data/x.csv: no values in column DGS2")
        #expect(message("Date,Open,High,Low,Close,Adj Close,Volume\n2024-01-02,1,1,1,null,null,0\n")
            == "data/x.csv: no values in column Close")
        #expect(message("Date,Open,High,Low,Close,Adj Close,Volume\n2024-01-02,1,1,1,1,null,0\n",
                        options: ImportOptions(preferAdjustedClose: true))
            == "data/x.csv: no values in column Adj Close")
    }

    @Test func headerProblems() {
        #expect(message("Date\n2024-01-02\n")
            == "data/x.csv:1: no value column in the header (expected a date column and at least one value column)")
        #expect(message("Date,A,B,A\n2024-01-02,1,2,3\n") == "data/x.csv:1: duplicate column name \"A\" (columns 2 and 4)")
        #expect(message("Date,A,B\n2024-01-02,,\n") == "data/x.csv: no values in any member column")
    }

    @Test func lineNumbersArePhysicalLines() {
        // Blank lines, CRLF and a quoted field spanning two lines all count.
        #expect(message("Date,Close\r\n\r\n2024-01-02,1\r\n2024-01-03,x\r\n")
            == "data/x.csv:4: column 2 (Close): cannot read \"x\" as a number")
        #expect(message("Date,Note,Close\n2024-01-02,\"a\nb\",1\n2024-01-03,c,zz\n")
            == "data/x.csv:4: column 3 (Close): cannot read \"zz\" as a number")
        #expect(message("\n\nDate,Close\n2024-01-02,1\n2024-01-03\n") == "data/x.csv:5: expected 2 fields, found 1")
    }

    @Test func cellTextInMessagesStaysOnOneLine() {
        let long = String(repeating: "9", count: 70) + "x"
        #expect(message("Date,v\n2024-01-02,\(long)\n")
            == "data/x.csv:2: column 2 (v): cannot read \"\(String(repeating: "9", count: 57))...\" as a number")
        #expect(message("Date,v\n2024-01-02,\"1\n2\"\n") == "data/x.csv:2: column 2 (v): cannot read \"1\\n2\" as a number")
    }

    @Test func unreadableFile() {
        #expect(failure { () throws(DataError) in try CSVImporter.read(path: "/nonexistent/rotor/x.csv") }
            == "/nonexistent/rotor/x.csv: cannot read file (No such file or directory)")
        let folder = Fixtures.path("files")
        #expect(failure { () throws(DataError) in try CSVImporter.read(path: folder) }
            == "\(folder): cannot read file (Is a directory)")
    }
}
