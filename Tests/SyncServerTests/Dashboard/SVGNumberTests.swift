import Foundation
import Testing

@testable import SyncServer

@Suite("SVGNumber: numbers in SVG and HTML attributes")
struct SVGNumberTests {
    @Test(
        "Writes hundredths without trailing zeros, dots, exponents or -0",
        arguments: [
            (49.99999999999999, "50"), (50.0, "50"), (0.1 + 0.2, "0.3"), (7.5, "7.5"), (3.333, "3.33"),
            (2.004, "2"), (0.996, "1"), (0.07, "0.07"), (10.1, "10.1"), (-2.5, "-2.5"), (-0.001, "0"), (-0.0, "0"),
            (1e-10, "0"), (118.0, "118"), (1e20, "100000000000000000000"), (-3e17, "-300000000000000000"),
            (.nan, "0"), (.infinity, "0"), (-.infinity, "0"),
        ])
    func writes(number: Double, expected: String) {
        #expect(SVGNumber.format(number) == expected)
    }

    @Test("Every multiple of 100/n for n up to 64 is a valid number that reads back within a hundredth")
    func slotsOfEveryWidth() {
        for count in 1...64 {
            let slot = 100.0 / Double(count)
            for index in 0...count {
                for value in [Double(index) * slot, Double(index) * slot + slot * 0.08, Double(index) * slot + slot * 0.5] {
                    let text = SVGNumber.format(value)
                    #expect(ChartSVG.isValidNumber(text), "\(value) -> \(text)")
                    #expect(abs((Double(text) ?? .nan) - value) <= 0.005 + 1e-9, "\(value) -> \(text)")
                }
            }
        }
    }
}
