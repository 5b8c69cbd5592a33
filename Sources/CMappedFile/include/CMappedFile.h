#ifndef SAFETYSTATS_CMAPPEDFILE_H
#define SAFETYSTATS_CMAPPEDFILE_H

// A file mapped read-only that another program may truncate while it is read. Touching a page the
// truncation took away raises SIGBUS, which would kill the process mid-report; the handler here
// instead puts zero pages over the rest of the mapping and marks it damaged, so the reader runs to
// the end of the (now meaningless) bytes and the caller reports the file as changed while read.
// SIGBUS outside every registered mapping goes on to the handler that was there before (or the
// default action), as if this one did not exist.

#include <stddef.h>

/// Maps the first `size` (> 0) bytes of `fd` read-only and registers them with the SIGBUS
/// handler (installed on the first call). Returns the address and sets `*slot` (for the calls
/// below), or returns NULL when the file cannot be mapped or every slot is taken (the caller
/// then reads the file instead).
const void *mappedfile_map(int fd, size_t size, int *slot);

/// 1 when a SIGBUS hit the mapping of `slot` (pages past the file's end, read as zeros), else 0.
int mappedfile_damaged(int slot);

/// Unregisters and unmaps the mapping of `slot`.
void mappedfile_unmap(int slot);

#endif
