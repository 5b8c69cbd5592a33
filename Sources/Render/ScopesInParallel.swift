import Model

/// The documents of the scopes of a run, rendered on every core: each scope's context, template
/// rendering and writers are independent of the others', and a province has hundreds of scopes.
/// Results come back in scope order, and the first failure in that order is the one thrown, so
/// outputs and errors are the same as rendering one scope after another.
enum ScopesInParallel {
    static func map<T>(_ count: Int, _ body: (Int) throws(RenderError) -> T) throws(RenderError) -> [T] {
        let results = InParallel.map(count) { i -> Result<T, RenderError> in
            do throws(RenderError) { return .success(try body(i)) } catch { return .failure(error) }
        }
        return try results.map { result throws(RenderError) in try result.get() }
    }
}
