//! Giving back to the system the memory that loading a big knowledge base used for a while.
//!
//! Parsing a million organisations on several threads leaves tens of megabytes freed but kept by
//! the allocator (in each thread's arena). With glibc, `malloc_trim` returns the free pages to
//! the system; elsewhere there is nothing to do.

/// Returns the allocator's free pages to the system.
pub fn give_back() {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    {
        unsafe extern "C" {
            fn malloc_trim(pad: usize) -> std::ffi::c_int;
        }
        // SAFETY: malloc_trim only releases free memory; it takes no pointer and is safe to
        // call at any time, from any thread.
        unsafe {
            malloc_trim(0);
        }
    }
}
