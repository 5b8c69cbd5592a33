// The SIGBUS-safe mappings of CMappedFile.h.
#define _GNU_SOURCE
#include "CMappedFile.h"

#include <pthread.h>
#include <signal.h>
#include <stdatomic.h>
#include <stdint.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

// A fixed table: the handler may read it at any moment, so it is never reallocated. Ingest maps
// one file per core at a time; a full table only means reading instead of mapping.
#define SLOTS 64

struct mapping {
    _Atomic(uintptr_t) base;    // 0: free
    _Atomic(size_t) size;
    atomic_int damaged;
};

static struct mapping mappings[SLOTS];
static pthread_mutex_t claiming = PTHREAD_MUTEX_INITIALIZER;
static pthread_once_t installed = PTHREAD_ONCE_INIT;
static struct sigaction previous;
static int handler_ready;
static uintptr_t page_size = 4096;     // asked once, outside the handler

static void on_sigbus(int signal, siginfo_t *info, void *context) {
    uintptr_t address = (uintptr_t)info->si_addr;
    uintptr_t page = page_size;
    for (int i = 0; i < SLOTS; i++) {
        uintptr_t base = atomic_load(&mappings[i].base);
        size_t size = atomic_load(&mappings[i].size);
        if (base == 0 || address < base || address >= base + size) continue;
        // Everything from the faulting page on is past the file's new end: zeros, in one go
        // (a file truncated to nothing would otherwise raise a signal per page).
        uintptr_t from = address & ~(page - 1);
        uintptr_t end = (base + size + page - 1) & ~(page - 1);
        void *zeros = mmap((void *)from, end - from, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED, -1, 0);
        if (zeros == MAP_FAILED) break;
        atomic_store(&mappings[i].damaged, 1);
        return;                 // the faulting load runs again, on a zero page
    }
    if (previous.sa_flags & SA_SIGINFO) {
        if (previous.sa_sigaction) { previous.sa_sigaction(signal, info, context); return; }
    } else if (previous.sa_handler != SIG_DFL && previous.sa_handler != SIG_IGN) {
        previous.sa_handler(signal);
        return;
    }
    // Not ours and nobody else's: the default action (pending until this handler returns, for a
    // fault and for a signal sent with kill alike).
    struct sigaction fallback;
    memset(&fallback, 0, sizeof fallback);
    fallback.sa_handler = SIG_DFL;
    sigaction(SIGBUS, &fallback, NULL);
    raise(signal);
}

static void install(void) {
    long size = sysconf(_SC_PAGESIZE);
    if (size > 0) page_size = (uintptr_t)size;
    struct sigaction action;
    memset(&action, 0, sizeof action);
    action.sa_sigaction = on_sigbus;
    action.sa_flags = SA_SIGINFO | SA_ONSTACK;
    sigemptyset(&action.sa_mask);
    handler_ready = sigaction(SIGBUS, &action, &previous) == 0;
}

const void *mappedfile_map(int fd, size_t size, int *slot) {
    if (size == 0) return NULL;
    pthread_once(&installed, install);
    if (!handler_ready) return NULL;
    void *base = mmap(NULL, size, PROT_READ, MAP_PRIVATE, fd, 0);
    if (base == MAP_FAILED) return NULL;
    pthread_mutex_lock(&claiming);
    int found = -1;
    for (int i = 0; i < SLOTS && found < 0; i++) {
        if (atomic_load(&mappings[i].base) == 0) found = i;
    }
    if (found >= 0) {
        atomic_store(&mappings[found].damaged, 0);
        atomic_store(&mappings[found].size, size);
        atomic_store(&mappings[found].base, (uintptr_t)base);
    }
    pthread_mutex_unlock(&claiming);
    if (found < 0) {
        munmap(base, size);
        return NULL;
    }
    *slot = found;
    return base;
}

int mappedfile_damaged(int slot) {
    if (slot < 0 || slot >= SLOTS) return 0;
    return atomic_load(&mappings[slot].damaged);
}

void mappedfile_unmap(int slot) {
    if (slot < 0 || slot >= SLOTS) return;
    uintptr_t base = atomic_load(&mappings[slot].base);
    size_t size = atomic_load(&mappings[slot].size);
    if (base == 0) return;
    pthread_mutex_lock(&claiming);
    // Unregistered before it is unmapped: an address of it reused by a later mapping is not
    // mistaken for this one.
    atomic_store(&mappings[slot].base, 0);
    atomic_store(&mappings[slot].size, 0);
    pthread_mutex_unlock(&claiming);
    munmap((void *)base, size);
}
