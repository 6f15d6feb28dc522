import BinanceAPI
import Testing

@testable import Shell

/// The `weight` command's lines fit an 80-column terminal: at 90 and more they wrapped mid-word.
@Suite struct WeightReportTests {
    @Test func everyLimitsLineFitsEightyColumns() {
        let lines = WeightReport.lines(RateLimitState()).split(separator: "\n").map(String.init)
        #expect(lines.count == RateLimitState.Family.allCases.count)
        for line in lines {
            #expect(line.count <= 80, "\(line.count) columns: \(line)")
            #expect(line.contains(" in 1m "), "\(line)")
        }
        #expect(lines.first?.hasPrefix("sapi     0/12000 in 1m ") == true, "\(lines)")
    }
}
