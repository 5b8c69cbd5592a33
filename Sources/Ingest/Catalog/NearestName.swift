/// The known name closest to a misspelt one, for messages such as 「未知的字段「整改状况」，是否应为「整改状态」？」.
enum NearestName {
    /// The candidate with the smallest edit distance, if it is close enough to be a likely typo
    /// (at most half the characters differ).
    static func suggest(_ name: String, among candidates: [String]) -> String? {
        let a = Array(name)
        var best: (String, Int)?
        for c in candidates where c != name {
            let d = distance(a, Array(c))
            if d <= max(1, max(a.count, c.count) / 2), best.map({ d < $0.1 }) ?? true { best = (c, d) }
        }
        return best?.0
    }

    /// `，是否应为「X」？` or nothing.
    static func hint(_ name: String, among candidates: [String]) -> String {
        suggest(name, among: candidates).map { "，是否应为「\($0)」？" } ?? ""
    }

    static func distance(_ a: [Character], _ b: [Character]) -> Int {
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previous = Array(0...b.count)
        for i in 1...a.count {
            var current = [i] + Array(repeating: 0, count: b.count)
            for j in 1...b.count {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            previous = current
        }
        return previous[b.count]
    }
}
