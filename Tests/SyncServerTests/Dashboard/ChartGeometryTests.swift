import Foundation
import Testing

@testable import SyncServer

/// The charts as the browser gets them: rendered through the dashboard's templates, parsed as
/// SVG, every numeric attribute a valid number and every column and label inside the chart, in order.
@Suite("Dashboard charts: valid coordinates, everything inside the chart and in order")
struct ChartGeometryTests {
    /// The y of the labels under a histogram's axis.
    static let labelY = 156.0

    /// Renders `value` with the template `name`.
    static func svg(_ value: Any, template name: String) throws -> ChartSVG {
        let text = try #require(DashboardRenderer.shared.library.render(value, withTemplate: name))
        return try ChartSVG(text)
    }

    /// Checks that every numeric attribute of every element is a valid plain number.
    static func expectValidNumbers(_ svg: ChartSVG) {
        for element in svg.elements {
            for (name, value) in element.attributes where ChartSVG.numericAttributes.contains(name) {
                #expect(ChartSVG.isValidNumber(value), "<\(element.name) \(name)=\"\(value)\">")
            }
        }
    }

    /// Checks the columns of a histogram and the counts over them; returns the columns.
    static func expectColumnsInside(_ svg: ChartSVG, counts expected: [Int]) throws -> [ChartSVG.Element] {
        let height = try #require(svg.all("svg").first?.number("height"))
        let columns = svg.all("rect", class: "b")
        #expect(columns.count == expected.count)
        var right = 0.0
        for column in columns {
            let x = try #require(column.number("x")), width = try #require(column.number("width"))
            let y = try #require(column.number("y")), barHeight = try #require(column.number("height"))
            #expect(x >= right - 0.005, "columns overlap or are out of order: \(column.attributes)")
            #expect(width > 0 && x + width <= 100.005, "\(column.attributes)")
            #expect(y >= 0 && barHeight >= 0 && abs(y + barHeight - Histogram.baseline) < 0.015 && y + barHeight <= height)
            right = x + width
        }
        let countTexts = svg.all("text", class: "small").filter { $0.number("y") != labelY }
        #expect(countTexts.map(\.text) == expected.map(String.init))
        for (column, text) in zip(columns, countTexts) {
            let centre = try #require(column.number("x")) + (try #require(column.number("width"))) / 2
            #expect(abs(try #require(text.number("x")) - centre) < 0.015, "count not over its column")
            #expect(try #require(text.number("y")) < (try #require(column.number("y"))) + 0.001, "count not above its column")
        }
        return columns
    }

    @Test("Whole numbers 1…n: n columns, each with its value under it and its count above it", arguments: 1...16)
    func wholeNumbers(bins: Int) throws {
        let counts = (1...bins).map { value in value == 1 || value == bins ? 3 : (value * 37) % 11 }
        let values = zip(1...bins, counts).flatMap { value, count in Array(repeating: Double(value), count: count) }
        let histogram = try #require(Histogram(values: values))
        let svg = try Self.svg(histogram, template: "histogram")
        Self.expectValidNumbers(svg)
        let columns = try Self.expectColumnsInside(svg, counts: counts)
        let labels = svg.all("text", class: "small").filter { $0.number("y") == Self.labelY }
        #expect(labels.map(\.text) == (1...bins).map(String.init))
        for (column, label) in zip(columns, labels) {
            let x = try #require(column.number("x")), width = try #require(column.number("width"))
            let labelX = try #require(label.number("x"))
            #expect(labelX > x && labelX < x + width, "label \(label.text) is not under its column")
        }
    }

    @Test("The course's case: 401 answers 1–9 give nine columns, the fifth at the middle, not at 0")
    func nineBinsOfTheCourse() throws {
        let values = (0..<401).map { Double($0 % 9 + 1) }.sorted()
        let svg = try Self.svg(try #require(Histogram(values: values)), template: "histogram")
        Self.expectValidNumbers(svg)
        let labels = svg.all("text", class: "small").filter { $0.number("y") == Self.labelY }
        let fifth = try #require(labels.first { $0.text == "5" })
        #expect(fifth.attributes["x"] == "50%")
    }

    @Test(
        "Decimal answers over any range: valid numbers, ten columns inside the chart, three axis labels in order",
        arguments: [(0.1, 0.9), (-3.7, 12.25), (0.001, 0.002), (1000.5, 1_000_000.0), (2.5, 2.5), (1.0, 40.0), (-1e9, 1e9)])
    func decimals(low: Double, high: Double) throws {
        let values = (0..<97).map { low + (high - low) * Double($0) / 96 }
        let histogram = try #require(Histogram(values: values))
        let svg = try Self.svg(histogram, template: "histogram")
        Self.expectValidNumbers(svg)
        let columns = svg.all("rect", class: "b")
        let counts = svg.all("text", class: "small").filter { $0.number("y") != Self.labelY }.compactMap { Int($0.text) }
        #expect(counts.reduce(0, +) == values.count)
        _ = try Self.expectColumnsInside(svg, counts: counts)
        #expect(columns.count == (low == high ? 1 : 10))
        let axis = try svg.all("text", class: "small").filter { $0.number("y") == Self.labelY }.map { try #require($0.number("x")) }
        #expect(axis == axis.sorted() && axis.allSatisfy { (0...100).contains($0) })
    }

    @Test("A bar chart of 1…16 choices: valid numbers, bars top to bottom, counts inside the chart", arguments: 1...16)
    func barChart(items: Int) throws {
        let chart = BarChart((0..<items).map { ("Wahl \($0)", "q.choice.c\($0)", ($0 * 53) % 17) })
        let svg = try Self.svg(chart, template: "barchart")
        Self.expectValidNumbers(svg)
        let height = try #require(svg.all("svg").first?.number("height"))
        let bars = svg.all("rect", class: "b")
        #expect(bars.count == items)
        let tops = try bars.map { try #require($0.number("y")) }
        #expect(tops == tops.sorted() && Set(tops).count == items)
        for bar in bars {
            let width = try #require(bar.number("width"))
            #expect(width > 0 && width <= BarChart.plotPercent + 0.005)
            #expect(try #require(bar.number("y")) + 13 <= height)
        }
        for count in svg.all("text", class: "count") {
            let x = try #require(count.number("x"))
            #expect(x > 0 && x <= 100)
        }
    }
}
