import Foundation

/// A scrape of `GET /metrics` read back: each sample line's value by its series (name and labels
/// as written, e.g. `syncserver_http_requests_total{route="/v1/sync/push",method="POST",status="200"}`).
struct PrometheusScrape: Sendable {
    /// The scraped text.
    let text: String
    /// Sample values by series.
    let samples: [String: Double]

    /// Reads `text` in Prometheus' text format; comment lines are skipped.
    init(_ text: String) {
        self.text = text
        var samples: [String: Double] = [:]
        for line in text.split(separator: "\n") where !line.hasPrefix("#") {
            guard let space = line.lastIndex(of: " "), let value = Double(line[line.index(after: space)...]) else { continue }
            samples[String(line[..<space])] = value
        }
        self.samples = samples
    }

    /// The value of `series`, or nil when the scrape does not hold it.
    subscript(_ series: String) -> Double? { samples[series] }

    /// The request counter of `route`, `method` and `status`.
    func requests(route: String, method: String, status: Int) -> Double? {
        samples["syncserver_http_requests_total{route=\"\(route)\",method=\"\(method)\",status=\"\(status)\"}"]
    }
}
