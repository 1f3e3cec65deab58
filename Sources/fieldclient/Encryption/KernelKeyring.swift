#if os(Linux)
    import CKeyutils
    import Foundation
    import Glibc

    /// The Linux kernel's user keyring through libkeyutils: keys live in kernel memory with a
    /// timeout and never touch the disk.
    struct KernelKeyring: StoreKeyring {
        /// Creates the keyring access.
        init() {}

        /// Whether the user keyring answers.
        var isAvailable: Bool {
            keyctl_get_keyring_ID(KEY_SPEC_USER_KEYRING, 1) > 0
        }

        /// The key named `name` in the user keyring, or nil.
        func key(named name: String) -> Data? {
            let id = keyctl_search(KEY_SPEC_USER_KEYRING, "user", name, 0)
            guard id > 0 else { return nil }
            var buffer: UnsafeMutableRawPointer?
            let count = keyctl_read_alloc(key_serial_t(id), &buffer)
            guard count >= 0, let buffer else { return nil }
            defer {
                memset(buffer, 0, Int(count))
                free(buffer)
            }
            return Data(bytes: buffer, count: Int(count))
        }

        /// Adds (or replaces) the key and sets its timeout.
        func keep(_ key: Data, named name: String, seconds: UInt32) throws {
            let id = key.withUnsafeBytes { bytes in
                add_key("user", name, bytes.baseAddress, bytes.count, KEY_SPEC_USER_KEYRING)
            }
            guard id > 0 else { throw KeyringError(detail: String(cString: strerror(errno))) }
            // Readable by this user's processes (not only those that possess the keyring link).
            _ = keyctl_setperm(id, key_perm_t(KEY_POS_ALL) | key_perm_t(KEY_USR_ALL))
            guard keyctl_set_timeout(id, seconds) == 0 else {
                let detail = String(cString: strerror(errno))
                _ = keyctl_unlink(id, KEY_SPEC_USER_KEYRING)
                throw KeyringError(detail: detail)
            }
        }

        /// Invalidates the key named `name`.
        func drop(named name: String) -> Bool {
            let id = keyctl_search(KEY_SPEC_USER_KEYRING, "user", name, 0)
            guard id > 0 else { return false }
            if keyctl_invalidate(key_serial_t(id)) != 0 { _ = keyctl_unlink(key_serial_t(id), KEY_SPEC_USER_KEYRING) }
            return true
        }
    }
#endif
