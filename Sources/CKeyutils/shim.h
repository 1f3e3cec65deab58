// The Linux kernel keyring through libkeyutils (Debian: libkeyutils-dev), whose wrappers are
// not variadic, so Swift can call them (it cannot call syscall(2) or keyctl(2)).
#include <keyutils.h>
