import Foundation

/// Line charts drawn on the server as SVG: no script, readable without JavaScript, coloured by the stylesheet's
/// `series-N` classes so light and dark themes both pass contrast.
///
/// The markup is built from numbers and from labels escaped here, so pages may include it unescaped.
struct SVGChart: Sendable {
    /// One line: a name for the legend and a value per label (missing days are 0).
    struct Series: Sendable {
        /// The legend's name.
        var name: String
        /// One value per x label.
        var values: [Double]
    }

    /// The x labels (days).
    var labels: [String]
    /// The lines.
    var series: [Series]
    /// What the chart shows, for screen readers (`<title>`).
    var title: String
    /// How the y axis writes a value.
    var format: @Sendable (Double) -> String

    /// Drawing size in user units; the SVG scales to its container.
    static let width = 720.0
    static let height = 220.0
    private static let left = 64.0
    private static let right = 24.0
    private static let top = 10.0
    private static let bottom = 28.0

    /// The SVG element, with `<title>`, gridlines, axis labels and one polyline per series.
    func svg(id: String) -> String {
        let plotWidth = Self.width - Self.left - Self.right
        let plotHeight = Self.height - Self.top - Self.bottom
        let maximum = Self.niceCeiling(series.flatMap(\.values).max() ?? 0)
        var parts: [String] = [
            #"<svg viewBox="0 0 \#(Self.width) \#(Self.height)" role="img" aria-labelledby="\#(id)-title" "#
                + #"preserveAspectRatio="xMidYMid meet"><title id="\#(id)-title">\#(Self.escape(title))</title>"#
        ]
        for step in 0...4 {
            let value = maximum * Double(step) / 4
            let y = Self.top + plotHeight - plotHeight * Double(step) / 4
            parts.append(
                #"<line class="grid" x1="\#(Self.left)" x2="\#(Self.width - Self.right)" y1="\#(y)" y2="\#(y)"/>"#
                    + #"<text x="\#(Self.left - 6)" y="\#(y + 4)" text-anchor="end">\#(Self.escape(format(value)))</text>"#
            )
        }
        let count = max(labels.count, 1)
        func x(_ index: Int) -> Double {
            count == 1 ? Self.left + plotWidth / 2 : Self.left + plotWidth * Double(index) / Double(count - 1)
        }
        // At most 8 x labels, evenly spaced, always the first and the last.
        let stride = max(1, Int((Double(labels.count) / 7).rounded(.up)))
        for (index, label) in labels.enumerated() where index % stride == 0 || index == labels.count - 1 {
            parts.append(
                #"<text x="\#(x(index))" y="\#(Self.height - 8)" text-anchor="middle">\#(Self.escape(label))</text>"#)
        }
        parts.append(
            #"<line class="axis" x1="\#(Self.left)" x2="\#(Self.width - Self.right)" y1="\#(Self.top + plotHeight)" "#
                + #"y2="\#(Self.top + plotHeight)"/>"#)
        for (number, line) in series.enumerated() {
            let points = line.values.enumerated().map { index, value in
                let y = Self.top + plotHeight - (maximum > 0 ? plotHeight * value / maximum : 0)
                return "\(Self.rounded(x(index))),\(Self.rounded(y))"
            }
            let css = "series-\(number % 5 + 1)"
            if points.count == 1 {
                let coordinates = points[0].split(separator: ",")
                parts.append(#"<circle class="\#(css)" cx="\#(coordinates[0])" cy="\#(coordinates[1])" r="3"/>"#)
            } else {
                parts.append(#"<polyline class="line \#(css)" points="\#(points.joined(separator: " "))"/>"#)
            }
        }
        parts.append("</svg>")
        return parts.joined()
    }

    /// The legend as a list.
    var legend: [LegendItem] {
        series.enumerated().map { LegendItem(name: $1.name, css: "series-\($0 % 5 + 1)") }
    }

    /// One legend entry.
    struct LegendItem: Sendable {
        /// The series' name.
        var name: String
        /// Its colour class.
        var css: String
    }

    /// A round number at or above `value` (1, 2 or 5 times a power of ten), so gridlines read well.
    static func niceCeiling(_ value: Double) -> Double {
        guard value > 0, value.isFinite else { return 1 }
        let power = pow(10, floor(log10(value)))
        for factor in [1.0, 2.0, 2.5, 5.0, 10.0] where factor * power >= value { return factor * power }
        return 10 * power
    }

    /// A coordinate with one decimal, to keep the markup small.
    private static func rounded(_ value: Double) -> String { String(format: "%.1f", value) }

    /// Text escaped for SVG content and attributes.
    static func escape(_ text: String) -> String {
        var escaped = ""
        for character in text {
            switch character {
            case "<": escaped += "&lt;"
            case ">": escaped += "&gt;"
            case "&": escaped += "&amp;"
            case "\"": escaped += "&quot;"
            case "'": escaped += "&#39;"
            default: escaped.append(character)
            }
        }
        return escaped
    }
}
