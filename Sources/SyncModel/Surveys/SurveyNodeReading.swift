import Foundation
import Yams

/// Helpers for reading loosely typed YAML nodes with precise error messages.
enum SurveyNodeReading {
    /// The entries of a mapping node as (key text, value) pairs, in document order.
    static func entries(of mapping: Node.Mapping, place: String) throws(SurveyError) -> [(key: String, value: Node)] {
        var result: [(key: String, value: Node)] = []
        for (key, value) in mapping {
            guard let keyText = key.scalar?.string else {
                throw SurveyError(.invalidDocument, "\(place) has a key that is not text. Use plain column names.")
            }
            result.append((keyText, value))
        }
        return result
    }

    /// The text of a scalar node, or `nil` when it is YAML/JSON null or empty.
    static func text(_ node: Node?, field: String, place: String) throws(SurveyError) -> String? {
        guard let node else { return nil }
        guard let scalar = node.scalar else {
            throw SurveyError(.invalidValue, "\(place): `\(field)` must be a single value, not a list or mapping.")
        }
        if node.null != nil { return nil }
        let value = scalar.string
        return value.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty ? nil : value
    }

    /// A mapping of language tag to text (`{"tr": "Yaşınız"}`); a missing node is no translations.
    static func translations(_ node: Node?, field: String, place: String) throws(SurveyError) -> [String: String] {
        guard let node, node.null == nil else { return [:] }
        guard let mapping = node.mapping else {
            throw SurveyError(.invalidValue, "\(place): `\(field)` must map language tags to texts, e.g. {\"tr\": \"…\"}.")
        }
        var result: [String: String] = [:]
        for (tag, value) in try entries(of: mapping, place: place) {
            if let text = try text(value, field: "\(field).\(tag)", place: place) { result[tag] = text }
        }
        return result
    }

    /// A list node's items; a missing node is an empty list.
    static func items(_ node: Node?, field: String, place: String) throws(SurveyError) -> [Node] {
        guard let node, node.null == nil else { return [] }
        guard let sequence = node.sequence else {
            throw SurveyError(.invalidDocument, "\(place): `\(field)` must be a list of rows.")
        }
        return Array(sequence)
    }

    /// Reads `yes`/`no`/`true`/`false`/`true()`/`false()`; missing means `false`.
    static func flag(_ node: Node?, field: String, place: String) throws(SurveyError) -> Bool {
        guard let text = try text(node, field: field, place: place) else { return false }
        switch text.trimmingCharacters(in: .whitespaces).lowercased() {
        case "yes", "true", "true()", "1": return true
        case "no", "false", "false()", "0": return false
        default:
            throw SurveyError(.invalidValue, "\(place): `\(field)` is '\(text)'; write yes or no.")
        }
    }

    /// Reads a finite number.
    static func number(_ node: Node?, field: String, place: String) throws(SurveyError) -> Double? {
        guard let text = try text(node, field: field, place: place) else { return nil }
        guard let value = Double(text.trimmingCharacters(in: .whitespaces)), value.isFinite else {
            throw SurveyError(.invalidValue, "\(place): `\(field)` is '\(text)', which is not a number.")
        }
        return value
    }

    /// Reads a whole number.
    static func integer(_ node: Node?, field: String, place: String) throws(SurveyError) -> Int? {
        guard let text = try text(node, field: field, place: place) else { return nil }
        guard let value = Int(text.trimmingCharacters(in: .whitespaces)) else {
            throw SurveyError(.invalidValue, "\(place): `\(field)` is '\(text)', which is not a whole number.")
        }
        return value
    }

    /// Reads the survey version: a whole number, also when written as a string.
    static func version(_ node: Node?, place: String) throws(SurveyError) -> Int {
        guard let text = try text(node, field: "version", place: place) else {
            throw SurveyError(.missingField, "\(place) has no `version`. Set it to 1 for a new survey.")
        }
        guard let value = Int(text.trimmingCharacters(in: .whitespaces)) else {
            throw SurveyError(
                .invalidVersion, "\(place): version '\(text)' is not a whole number. Use 1, 2, 3, … (or e.g. 2026112501).")
        }
        return value
    }
}
