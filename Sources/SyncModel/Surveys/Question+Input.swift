import Foundation

extension Question {
    /// Reads what an interviewer typed (or `edit --set Q=V` gave) into an answer, then checks it.
    ///
    /// Empty input is `.null` (unanswered). Numbers accept a decimal comma (`3,5`); select_one
    /// accepts the 1-based choice number, the choice name or its label; select_multiple accepts
    /// numbers or names separated by spaces or commas (the result follows the choice order);
    /// dates accept `YYYY-MM-DD` and `DD.MM.YYYY`; geopoints accept `lat lon [alt [acc]]` or
    /// `lat, lon`. The result is checked with `check(_:answers:language:)`, so range, length and
    /// constraint problems come back as a failure with a message to show before asking again;
    /// a constraint message is given in `language` when the survey has it. A choice label is
    /// accepted in any of the survey's languages.
    public func parseInput(
        _ text: String, answers: [String: FieldValue] = [:], language: String? = nil
    ) -> Result<FieldValue, ValidationIssue> {
        let input = text.trimmingCharacters(in: .whitespacesAndNewlines)
        if input.isEmpty { return .success(.null) }
        let parsed: Result<FieldValue, ValidationIssue>
        switch type {
        case .note:
            return .failure(issue(.answerToNote, "\(title) is a note and takes no answer; leave it empty."))
        case .text:
            parsed = .success(.string(input))
        case .integer:
            if let number = Question.parseNumber(input), number == number.rounded(), abs(number) < 9e15 {
                parsed = .success(.integer(Int64(number)))
            } else {
                parsed = .failure(issue(.wrongType, "\(title) expects a whole number such as 42, but got '\(input)'."))
            }
        case .decimal:
            if let number = Question.parseNumber(input) {
                parsed = .success(.decimal(number))
            } else {
                parsed = .failure(issue(.wrongType, "\(title) expects a number such as 3,5 or 3.5, but got '\(input)'."))
            }
        case .selectOne:
            parsed = resolveChoice(input, allowLabel: true).map { .string($0.name) }
        case .selectMultiple:
            parsed = parseSelection(input)
        case .date:
            if let date = CalendarDate(iso: input) ?? CalendarDate(german: input) {
                parsed = .success(.string(date.iso))
            } else {
                parsed = .failure(
                    issue(.invalidDate, "\(title): '\(input)' is not a real date; write 25.11.2026 or 2026-11-25."))
            }
        case .geopoint:
            parsed = parseGeopoint(input)
        }
        return parsed.flatMap { value in
            if let problem = check(value, answers: answers.merging([name: value]) { $1 }, language: language) {
                return .failure(problem)
            }
            return .success(value)
        }
    }

    /// A finite number with `.` or `,` as the decimal separator; no thousands separators or exponents.
    static func parseNumber(_ text: String) -> Double? {
        var body = Substring(text)
        if body.first == "-" || body.first == "+" { body = body.dropFirst() }
        let separators = body.filter { $0 == "." || $0 == "," }.count
        guard !body.isEmpty, separators <= 1,
            body.allSatisfy({ ($0.isASCII && $0.isNumber) || $0 == "." || $0 == "," }),
            body.first != "." && body.first != "," && body.last != "." && body.last != ","
        else { return nil }
        let normalized = text.replacingOccurrences(of: ",", with: ".")
        guard let value = Double(normalized), value.isFinite else { return nil }
        return value
    }

    private func resolveChoice(_ token: String, allowLabel: Bool) -> Result<Choice, ValidationIssue> {
        let choices = self.choices ?? []
        if let exact = choices.first(where: { $0.name == token }) { return .success(exact) }
        if let number = Int(token), choices.indices.contains(number - 1) { return .success(choices[number - 1]) }
        let folded = token.lowercased()
        if let byName = choices.first(where: { $0.name.lowercased() == folded }) { return .success(byName) }
        if allowLabel, let byLabel = choices.first(where: { $0.labels.allTexts.contains { $0.lowercased() == folded } }) {
            return .success(byLabel)
        }
        let options = choices.enumerated().map { "\($0.offset + 1) = \($0.element.name) (\($0.element.label))" }
        return .failure(
            issue(
                .unknownChoice,
                "\(title): '\(token)' is not one of the choices; enter a number or name: \(options.joined(separator: ", "))."))
    }

    private func parseSelection(_ input: String) -> Result<FieldValue, ValidationIssue> {
        let tokens = input.split(whereSeparator: { $0.isWhitespace || $0 == "," }).map(String.init)
        var selected = Set<String>()
        for token in tokens {
            switch resolveChoice(token, allowLabel: false) {
            case .success(let choice): selected.insert(choice.name)
            case .failure(let problem): return .failure(problem)
            }
        }
        let ordered = (choices ?? []).filter { selected.contains($0.name) }.map { FieldValue.string($0.name) }
        return .success(.array(ordered))
    }

    private func parseGeopoint(_ input: String) -> Result<FieldValue, ValidationIssue> {
        // "lat lon [alt [acc]]": a comma inside a part is a decimal comma, a trailing one a separator.
        // "lat,lon" without spaces: commas separate.
        var parts = input.split(whereSeparator: { $0.isWhitespace }).map { String($0) }
        if parts.count == 1 {
            parts = input.split(separator: ",").map(String.init)
        } else {
            parts = parts.map { $0.hasSuffix(",") ? String($0.dropLast()) : $0 }.filter { !$0.isEmpty }
        }
        let numbers = parts.compactMap(Question.parseNumber)
        guard (2...4).contains(parts.count), numbers.count == parts.count else {
            return .failure(
                issue(
                    .invalidGeopoint,
                    "\(title): '\(input)' is not a location; write latitude and longitude, e.g. 51.3397 12.3731 "
                        + "(optionally followed by altitude and accuracy)."))
        }
        let keys = ["latitude", "longitude", "altitude", "accuracy"]
        var members: [String: FieldValue] = [:]
        for (key, number) in zip(keys, numbers) { members[key] = .decimal(number) }
        return .success(.object(members))
    }
}
