#if canImport(Glibc)
    import Glibc
#endif

/// Gives freed heap memory back to the operating system after a full reset.
///
/// glibc keeps freed pages for reuse, so a world of a hundred thousand entities keeps its resident size after
/// it is dropped. `malloc_trim` returns them. Swift's Glibc module does not export `malloc.h`, so the function
/// is looked up at run time; elsewhere this does nothing.
enum MemoryTrimmer {
    #if canImport(Glibc)
        private typealias Trim = @convention(c) (Int) -> Int32
        private static let trim: Trim? = {
            guard let symbol = dlsym(nil, "malloc_trim") else { return nil }
            return unsafeBitCast(symbol, to: Trim.self)
        }()
    #endif

    /// Returns free heap pages to the system where the C library supports it.
    static func trimFreeMemory() {
        #if canImport(Glibc)
            _ = trim?(0)
        #endif
    }
}
