import Foundation
import Yams

/// Helpers for reading loosely typed YAML nodes with precise error messages.
enum SurveyNodeReading {
    /// The entries of a mapping node as (key text, value) pairs, in document order.
    static func entries(of mapping: Node.Mapping, place: SurveyPlace) throws(SurveyError) -> [(key: String, value: Node)] {
        var result: [(key: String, value: Node)] = []
        for (key, value) in mapping {
            guard let keyText = key.scalar?.string else {
                throw SurveyError(.invalidDocument, "keyNotText", at: place)
            }
            result.append((keyText, value))
        }
        return result
    }

    /// The text of a scalar node, or `nil` when it is YAML/JSON null or empty.
    static func text(_ node: Node?, field: String, place: SurveyPlace) throws(SurveyError) -> String? {
        guard let node else { return nil }
        guard let scalar = node.scalar else {
            throw SurveyError(.invalidValue, "notSingle", at: place, ["field": "\(field)"])
        }
        if node.null != nil { return nil }
        let value = scalar.string
        return value.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty ? nil : value
    }

    /// A mapping of language tag to text (`{"tr": "Yaşınız"}`); a missing node is no translations.
    static func translations(_ node: Node?, field: String, place: SurveyPlace) throws(SurveyError) -> [String: String] {
        guard let node, node.null == nil else { return [:] }
        guard let mapping = node.mapping else {
            throw SurveyError(.invalidValue, "notTranslations", at: place, ["field": "\(field)"])
        }
        var result: [String: String] = [:]
        for (tag, value) in try entries(of: mapping, place: place) {
            if let text = try text(value, field: "\(field).\(tag)", place: place) { result[tag] = text }
        }
        return result
    }

    /// A list node's items; a missing node is an empty list.
    static func items(_ node: Node?, field: String, place: SurveyPlace) throws(SurveyError) -> [Node] {
        guard let node, node.null == nil else { return [] }
        guard let sequence = node.sequence else {
            throw SurveyError(.invalidDocument, "notList", at: place, ["field": "\(field)"])
        }
        return Array(sequence)
    }

    /// Reads `yes`/`no`/`true`/`false`/`true()`/`false()`; missing means `false`.
    static func flag(_ node: Node?, field: String, place: SurveyPlace) throws(SurveyError) -> Bool {
        guard let text = try text(node, field: field, place: place) else { return false }
        switch text.trimmingCharacters(in: .whitespaces).lowercased() {
        case "yes", "true", "true()", "1": return true
        case "no", "false", "false()", "0": return false
        default:
            throw SurveyError(.invalidValue, "notFlag", at: place, ["field": "\(field)", "value": "\(text)"])
        }
    }

    /// Reads a finite number.
    static func number(_ node: Node?, field: String, place: SurveyPlace) throws(SurveyError) -> Double? {
        guard let text = try text(node, field: field, place: place) else { return nil }
        guard let value = Double(text.trimmingCharacters(in: .whitespaces)), value.isFinite else {
            throw SurveyError(.invalidValue, "notNumber", at: place, ["field": "\(field)", "value": "\(text)"])
        }
        return value
    }

    /// Reads a whole number.
    static func integer(_ node: Node?, field: String, place: SurveyPlace) throws(SurveyError) -> Int? {
        guard let text = try text(node, field: field, place: place) else { return nil }
        guard let value = Int(text.trimmingCharacters(in: .whitespaces)) else {
            throw SurveyError(.invalidValue, "notWholeNumber", at: place, ["field": "\(field)", "value": "\(text)"])
        }
        return value
    }

    /// Reads the survey version: a whole number, also when written as a string.
    static func version(_ node: Node?, place: SurveyPlace) throws(SurveyError) -> Int {
        guard let text = try text(node, field: "version", place: place) else {
            throw SurveyError(.missingField, "noVersion", at: place)
        }
        guard let value = Int(text.trimmingCharacters(in: .whitespaces)) else {
            throw SurveyError(.invalidVersion, "versionNotWhole", at: place, ["value": "\(text)"])
        }
        return value
    }
}
