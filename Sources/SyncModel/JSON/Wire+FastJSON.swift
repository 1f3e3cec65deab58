import Foundation

extension PushRequest: FastJSONDecodable {
    /// Reads `{"epoch": String?, "records": [Record]}`.
    public init(json scanner: inout JSONScanner) throws {
        var epoch: String??
        var records: [Record]?
        try scanner.readObject { scanner, key in
            if key.equals("records") {
                guard records == nil else { throw scanner.mismatch() }
                records = try scanner.readArray(of: Record.self)
            } else if key.equals("epoch") {
                guard epoch == nil else { throw scanner.mismatch() }
                epoch = .some(try scanner.consumeNull() ? nil : try scanner.readString())
            } else {
                try scanner.skipValue()
            }
        }
        guard let records else { throw scanner.mismatch() }
        self.init(epoch: epoch ?? nil, records: records)
    }
}

extension ChangesPage: FastJSONDecodable {
    /// Reads `{"records": [Record], "cursor": String, "hasMore": Bool, "epoch": String}`.
    public init(json scanner: inout JSONScanner) throws {
        var records: [Record]?
        var cursor: String?
        var hasMore: Bool?
        var epoch: String?
        try scanner.readObject { scanner, key in
            if key.equals("records") {
                guard records == nil else { throw scanner.mismatch() }
                records = try scanner.readArray(of: Record.self)
            } else if key.equals("cursor") {
                guard cursor == nil else { throw scanner.mismatch() }
                cursor = try scanner.readString()
            } else if key.equals("hasMore") {
                guard hasMore == nil else { throw scanner.mismatch() }
                hasMore = try scanner.readBool()
            } else if key.equals("epoch") {
                guard epoch == nil else { throw scanner.mismatch() }
                epoch = try scanner.readString()
            } else {
                try scanner.skipValue()
            }
        }
        guard let records, let cursor, let hasMore, let epoch else { throw scanner.mismatch() }
        self.init(records: records, cursor: cursor, hasMore: hasMore, epoch: epoch)
    }
}

extension PushResult: FastJSONDecodable {
    /// Reads one result; a result with an `error` takes the fallback (rejections are rare).
    public init(json scanner: inout JSONScanner) throws {
        var id: UUID?
        var status: Status?
        var record: Record??
        try scanner.readObject { scanner, key in
            if key.equals("id") {
                guard id == nil else { throw scanner.mismatch() }
                id = try UUID(json: &scanner)
            } else if key.equals("status") {
                guard status == nil else { throw scanner.mismatch() }
                guard let value = Status(rawValue: try scanner.readString()) else { throw scanner.mismatch() }
                status = value
            } else if key.equals("record") {
                guard record == nil else { throw scanner.mismatch() }
                record = .some(try scanner.consumeNull() ? nil : try Record(json: &scanner))
            } else if key.equals("error") {
                guard try scanner.consumeNull() else { throw scanner.mismatch() }
            } else {
                try scanner.skipValue()
            }
        }
        guard let id, let status else { throw scanner.mismatch() }
        self.init(id: id, status: status, record: record ?? nil)
    }
}

extension PushResponse: FastJSONDecodable {
    /// Reads `{"epoch": String, "results": [PushResult]}`.
    public init(json scanner: inout JSONScanner) throws {
        var epoch: String?
        var results: [PushResult]?
        try scanner.readObject { scanner, key in
            if key.equals("results") {
                guard results == nil else { throw scanner.mismatch() }
                results = try scanner.readArray(of: PushResult.self)
            } else if key.equals("epoch") {
                guard epoch == nil else { throw scanner.mismatch() }
                epoch = try scanner.readString()
            } else {
                try scanner.skipValue()
            }
        }
        guard let epoch, let results else { throw scanner.mismatch() }
        self.init(epoch: epoch, results: results)
    }
}
