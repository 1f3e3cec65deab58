import SyncModel

/// SyncModel's record, which GRDB's `Record` class would otherwise shadow.
typealias Record = SyncModel.Record
