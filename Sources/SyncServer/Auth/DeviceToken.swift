import Foundation

/// A device's bearer token, `qs_<device id>_<secret>`, where the secret is 32 random bytes
/// in base64url (256 bits). The server stores only its SHA-256 hash.
struct DeviceToken: Sendable, Hashable {
    /// The device the token belongs to; used to find the stored hash.
    let deviceID: String
    /// The whole token text.
    let text: String

    /// Makes a new token for `deviceID`.
    static func make(deviceID: String, random: any RandomSource) -> DeviceToken {
        let secret = Data(random.bytes(32)).base64EncodedString()
            .replacingOccurrences(of: "+", with: "-")
            .replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
        return DeviceToken(deviceID: deviceID, text: "qs_\(deviceID)_\(secret)")
    }

    /// Parses a presented token; nil when it does not have the token's shape.
    init?(parsing text: String) {
        guard text.hasPrefix("qs_"), text.utf8.count <= 200 else { return nil }
        let rest = text.dropFirst(3)
        guard let separator = rest.firstIndex(of: "_") else { return nil }
        let id = String(rest[..<separator])
        let secret = rest[rest.index(after: separator)...]
        guard UUID(uuidString: id) != nil, id == id.lowercased(), secret.utf8.count >= 22 else { return nil }
        self.init(deviceID: id, text: text)
    }

    private init(deviceID: String, text: String) {
        self.deviceID = deviceID
        self.text = text
    }

    /// The hash stored for this token.
    var hash: Data { SecretHasher.hash(text) }
}
