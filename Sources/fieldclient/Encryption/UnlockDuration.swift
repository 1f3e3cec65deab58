/// How long `unlock` keeps the key: `8h`, `90m`, `1h30m`, `45s`; at most 24 hours.
enum UnlockDuration {
    /// The longest unlock.
    static let maximumSeconds: UInt32 = 24 * 3600

    /// The seconds of `text`, or nil when it is not a duration of 1 second to 24 hours.
    static func seconds(_ text: String) -> UInt32? {
        var total: UInt32 = 0
        var digits = ""
        var sawUnit = false
        for character in text.lowercased() where character != " " {
            if character.isASCII, character.isNumber {
                digits.append(character)
                continue
            }
            guard let value = UInt32(digits), value <= maximumSeconds else { return nil }
            switch character {
            case "h": total += value * 3600
            case "m": total += value * 60
            case "s": total += value
            default: return nil
            }
            if total > maximumSeconds { return nil }
            digits = ""
            sawUnit = true
        }
        guard digits.isEmpty, sawUnit, total > 0, total <= maximumSeconds else { return nil }
        return total
    }

    /// `seconds` for people: `8h`, `1h30m`, `90s`.
    static func describe(_ seconds: UInt32) -> String {
        let hours = seconds / 3600
        let minutes = seconds % 3600 / 60
        let rest = seconds % 60
        var text = ""
        if hours > 0 { text += "\(hours)h" }
        if minutes > 0 { text += "\(minutes)m" }
        if rest > 0 || text.isEmpty { text += "\(rest)s" }
        return text
    }
}
