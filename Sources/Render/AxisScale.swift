/// The value axis: 0 to a round maximum in 2–5 steps of 1, 2 or 5 × 10ⁿ (whole numbers for
/// counts); 0–100 in steps of 20 for percentages.
struct AxisScale {
    let maximum: Double
    let step: Double
    let percent: Bool

    init(largest: Double, percent: Bool) {
        self.percent = percent
        if percent {
            maximum = 100
            step = 20
            return
        }
        let target = max(largest, 1)
        var magnitude = 1.0
        while magnitude * 10 <= target / 2 { magnitude *= 10 }
        var chosen = magnitude
        for factor in [1.0, 2.0, 5.0, 10.0] where (target / (factor * magnitude)).rounded(.up) <= 5 {
            chosen = factor * magnitude
            break
        }
        step = max(chosen, 1)
        maximum = (target / step).rounded(.up) * step
    }

    var ticks: [Double] {
        stride(from: 0.0, through: maximum + step / 2, by: step).map { $0 }
    }

    func label(_ tick: Double) -> String {
        let whole = Int(tick.rounded())
        return percent ? "\(whole)%" : "\(whole)"
    }
}
