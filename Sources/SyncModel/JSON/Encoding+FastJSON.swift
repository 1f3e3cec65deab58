import Foundation

extension FieldValue: FastJSONEncodable {
    /// Writes the JSON value; object members in sorted order.
    public func writeJSON(to writer: inout JSONWriter) throws {
        switch self {
        case .null: writer.writeRaw("null")
        case .bool(let value): writer.writeRaw(value ? "true" : "false")
        case .integer(let value): writer.writeInteger(value)
        case .decimal(let value): try writer.writeDouble(value)
        case .string(let value): writer.writeString(value)
        case .array(let elements): try writer.writeArray(elements)
        case .object(let members):
            writer.write(UInt8(ascii: "{"))
            for (index, key) in members.keys.sorted().enumerated() {
                if index > 0 { writer.write(UInt8(ascii: ",")) }
                writer.writeString(key)
                writer.write(UInt8(ascii: ":"))
                try members[key]!.writeJSON(to: &writer)
            }
            writer.write(UInt8(ascii: "}"))
        }
    }
}

extension VersionVector: FastJSONEncodable {
    /// Writes `{"<replica>": counter, …}` by replica.
    public func writeJSON(to writer: inout JSONWriter) throws {
        writer.write(UInt8(ascii: "{"))
        for (index, replica) in replicas.enumerated() {
            if index > 0 { writer.write(UInt8(ascii: ",")) }
            writer.write(UInt8(ascii: "\""))
            writer.writeReplicaDigits(replica)
            writer.writeRaw("\":")
            writer.writeUnsigned(self[replica])
        }
        writer.write(UInt8(ascii: "}"))
    }
}

extension Deletion: FastJSONEncodable {
    /// Writes `{"deleted": Bool, "seen": …}`; no `seen` when nil.
    public func writeJSON(to writer: inout JSONWriter) throws {
        writer.writeRaw(isDeleted ? "{\"deleted\":true" : "{\"deleted\":false")
        if let seen {
            writer.writeRaw(",\"seen\":")
            try seen.writeJSON(to: &writer)
        }
        writer.write(UInt8(ascii: "}"))
    }
}

extension Erasure: FastJSONEncodable {
    /// Writes `{"at": …, "by": …, "reason": …}`.
    public func writeJSON(to writer: inout JSONWriter) throws {
        writer.writeRaw("{\"at\":")
        writer.writeInteger(erasedAt.millisecondsSince1970)
        writer.writeRaw(",\"by\":")
        writer.writeString(erasedBy)
        writer.writeRaw(",\"reason\":")
        writer.writeString(reason)
        writer.write(UInt8(ascii: "}"))
    }
}

extension Sibling: FastJSONEncodable where Value: FastJSONEncodable {
    /// Writes `{"at": …, "dot": …, "value": …}`.
    public func writeJSON(to writer: inout JSONWriter) throws {
        writer.writeRaw("{\"at\":")
        writer.writeInteger(timestamp.millisecondsSince1970)
        writer.writeRaw(",\"dot\":\"")
        writer.writeReplicaDigits(dot.replica)
        writer.write(UInt8(ascii: ":"))
        writer.writeUnsigned(dot.counter)
        writer.writeRaw("\",\"value\":")
        try value.writeJSON(to: &writer)
        writer.write(UInt8(ascii: "}"))
    }
}

extension Register: FastJSONEncodable where Value: FastJSONEncodable {
    /// Writes the array of siblings in canonical order.
    public func writeJSON(to writer: inout JSONWriter) throws {
        try writer.writeArray(siblings)
    }
}

extension Record: FastJSONEncodable {
    /// Writes the record with sorted keys; an empty deletion register and absent survey
    /// members are left out, as ``encode(to:)`` leaves them out.
    public func writeJSON(to writer: inout JSONWriter) throws {
        writer.writeRaw("{\"cohort\":")
        writer.writeString(cohort)
        writer.writeRaw(",\"collection\":")
        writer.writeString(collection)
        if !deletion.isEmpty {
            writer.writeRaw(",\"deleted\":")
            try deletion.writeJSON(to: &writer)
        }
        if let erasure {
            writer.writeRaw(",\"erased\":")
            try erasure.writeJSON(to: &writer)
        }
        writer.writeRaw(",\"fields\":{")
        for (index, name) in fields.keys.sorted().enumerated() {
            if index > 0 { writer.write(UInt8(ascii: ",")) }
            writer.writeString(name)
            writer.write(UInt8(ascii: ":"))
            try fields[name]!.writeJSON(to: &writer)
        }
        writer.writeRaw("},\"id\":")
        writer.writeUUID(id)
        writer.writeRaw(",\"owner\":")
        writer.writeString(owner)
        if let survey {
            writer.writeRaw(",\"survey\":")
            writer.writeString(survey)
        }
        if let surveyVersion {
            writer.writeRaw(",\"surveyVersion\":")
            writer.writeInteger(Int64(surveyVersion))
        }
        writer.writeRaw(",\"version\":")
        try version.writeJSON(to: &writer)
        writer.write(UInt8(ascii: "}"))
    }
}

extension PushRequest: FastJSONEncodable {
    /// Writes `{"epoch": …, "records": […]}`; no `epoch` when nil.
    public func writeJSON(to writer: inout JSONWriter) throws {
        writer.write(UInt8(ascii: "{"))
        if let epoch {
            writer.writeKey("epoch")
            writer.writeString(epoch)
            writer.write(UInt8(ascii: ","))
        }
        writer.writeKey("records")
        try writer.writeArray(records)
        writer.write(UInt8(ascii: "}"))
    }
}

extension PushResult: FastJSONEncodable {
    /// Writes one result; an `error` is encoded by `JSONEncoder` (rejections are rare).
    public func writeJSON(to writer: inout JSONWriter) throws {
        writer.write(UInt8(ascii: "{"))
        if let error {
            writer.writeKey("error")
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
            writer.writeJSON(try encoder.encode(error))
            writer.write(UInt8(ascii: ","))
        }
        writer.writeKey("id")
        writer.writeUUID(id)
        if let record {
            writer.writeRaw(",\"record\":")
            try record.writeJSON(to: &writer)
        }
        writer.writeRaw(",\"status\":")
        writer.writeString(status.rawValue)
        writer.write(UInt8(ascii: "}"))
    }
}

extension PushResponse: FastJSONEncodable {
    /// Writes `{"epoch": …, "results": […]}`.
    public func writeJSON(to writer: inout JSONWriter) throws {
        writer.writeRaw("{\"epoch\":")
        writer.writeString(epoch)
        writer.writeRaw(",\"results\":")
        try writer.writeArray(results)
        writer.write(UInt8(ascii: "}"))
    }
}

extension ChangesPage: FastJSONEncodable {
    /// Writes `{"cursor": …, "epoch": …, "hasMore": …, "records": […]}`.
    public func writeJSON(to writer: inout JSONWriter) throws {
        try Self.writeJSON(cursor: cursor, epoch: epoch, hasMore: hasMore, count: records.count, to: &writer) {
            try records[$0].writeJSON(to: &$1)
        }
    }

    /// The one writer of a page's JSON, for pages held as ``ChangesPage`` and for the server's pages
    /// of stored states alike: `writeRecord(index, &writer)` writes the record at `index`.
    public static func writeJSON(
        cursor: String, epoch: String, hasMore: Bool, count: Int, to writer: inout JSONWriter,
        record writeRecord: (Int, inout JSONWriter) throws -> Void
    ) rethrows {
        writer.writeRaw("{\"cursor\":")
        writer.writeString(cursor)
        writer.writeRaw(",\"epoch\":")
        writer.writeString(epoch)
        writer.writeRaw(hasMore ? ",\"hasMore\":true,\"records\":[" : ",\"hasMore\":false,\"records\":[")
        for index in 0..<count {
            if index > 0 { writer.write(UInt8(ascii: ",")) }
            try writeRecord(index, &writer)
        }
        writer.writeRaw("]}")
    }
}
