/// Structural checks for record states that arrive from elsewhere.
extension Record {
    /// The largest counter accepted: 2^53, the largest integer that every JSON reader keeps exact.
    public static let maximumCounter: UInt64 = 1 << 53

    /// Throws the first structural defect: a sibling the version has not seen, two siblings of
    /// one replica in a register, an absurd counter, a bad field name or a malformed deletion.
    ///
    /// States made by ``write(_:by:at:)``, ``delete(by:at:)``, ``restore(by:at:)`` and
    /// ``merge(_:)`` always pass.
    public func checkStructure() throws(RecordError) {
        for (replica, counter) in version.counters where counter > Self.maximumCounter {
            throw .counterOutOfRange(replica: replica, counter: counter)
        }
        for name in fields.keys.sorted() {
            guard Self.isValidFieldName(name) else { throw .invalidFieldName(name) }
            try checkRegister(fields[name]!, name: name)
        }
        try checkRegister(deletion, name: "deleted")
        for sibling in deletion.siblings where sibling.value.isDeleted {
            guard let seen = sibling.value.seen, version.dominates(seen), !seen.covers(sibling.dot) else {
                throw .invalidDeletion(dot: sibling.dot)
            }
        }
    }

    /// Whether `name` can name a field: 1 to 128 characters, none of them control characters.
    public static func isValidFieldName(_ name: String) -> Bool {
        // Printable ASCII, the usual case, is valid without looking up Unicode properties.
        let utf8 = name.utf8
        if utf8.count <= 128, utf8.allSatisfy({ $0 >= 0x20 && $0 < 0x7F }) { return !utf8.isEmpty }
        return !name.isEmpty && name.count <= 128
            && !name.unicodeScalars.contains { $0.properties.generalCategory == .control }
    }

    private func checkRegister<Value>(_ register: Register<Value>, name: String) throws(RecordError) {
        if register.siblings.count == 1, let dot = register.siblings.first?.dot {
            guard version.covers(dot) else { throw .dotNotCovered(field: name, dot: dot) }
            return
        }
        var replicas = Set<ReplicaID>()
        for sibling in register.siblings {
            guard version.covers(sibling.dot) else { throw .dotNotCovered(field: name, dot: sibling.dot) }
            guard replicas.insert(sibling.dot.replica).inserted else {
                throw .duplicateReplicaInRegister(field: name, replica: sibling.dot.replica)
            }
        }
    }
}
