import SyncModel

/// SyncModel's record, preferred over GRDB's `Record` class in this module.
typealias Record = SyncModel.Record

/// SyncModel's record error, preferred over GRDB's `RecordError` in this module.
typealias RecordError = SyncModel.RecordError
