import Foundation
import PropertyBased
import Testing

@testable import SyncModel

/// Record ids in JSON are read and written without Foundation's `sscanf`/`snprintf`, and exactly as
/// `UUID(uuidString:)` and `uuidString` do.
@Suite("UUIDs in JSON")
struct UUIDJSONTests {
    /// The id `text` reads as, through the scanner.
    static func read(_ text: String) -> UUID? {
        Array(text.utf8).withUnsafeBytes { UUID(hexText: $0) }
    }

    @Test("written as uuidString writes it, and read back in upper and lower case")
    func roundTrips() async {
        await propertyCheck(count: 2_000, input: Gen.int(in: 0...255).array(of: 16...16)) { bytes in
            let uuid = UUID(
                uuid: (
                    UInt8(bytes[0]), UInt8(bytes[1]), UInt8(bytes[2]), UInt8(bytes[3]), UInt8(bytes[4]), UInt8(bytes[5]),
                    UInt8(bytes[6]), UInt8(bytes[7]), UInt8(bytes[8]), UInt8(bytes[9]), UInt8(bytes[10]), UInt8(bytes[11]),
                    UInt8(bytes[12]), UInt8(bytes[13]), UInt8(bytes[14]), UInt8(bytes[15])))
            var writer = JSONWriter()
            writer.writeUUID(uuid)
            #expect(String(decoding: writer.bytes, as: UTF8.self) == "\"\(uuid.uuidString)\"")
            #expect(Self.read(uuid.uuidString) == uuid)
            #expect(Self.read(uuid.uuidString.lowercased()) == uuid)
        }
    }

    /// `FastJSON` hands what the fast reader refuses to `JSONDecoder`, so its answer stays Foundation's
    /// (which reads `…6E-F` as `…6EF1`, a `sscanf` quirk).
    @Test(
        "anything but 32 hexadecimal digits with hyphens at 8, 13, 18 and 23 is refused",
        arguments: [
            "", "E621E1F8-C36C-495A-93FC-0C247A3E6E5", "E621E1F8-C36C-495A-93FC-0C247A3E6E5FF", "E621E1F8C36C-495A-93FC-0C247A3E6E5F",
            "E621E1F8-C36C-495A-93FC-0C247A3E6E5G", "E621E1F8_C36C_495A_93FC_0C247A3E6E5F", "{621E1F8-C36C-495A-93FC-0C247A3E6E5}",
            "E621E1F8-C36C-495A-93FC-0C247A3E6E-F", " E621E1F8-C36C-495A-93FC-0C247A3E6E", "E621E1F8-C36C-495A-93FC-0C247A3E6Eé",
        ])
    func refusesOtherTexts(_ text: String) {
        #expect(Self.read(text) == nil)
    }
}
