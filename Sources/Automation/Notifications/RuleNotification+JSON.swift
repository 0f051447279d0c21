import AdPlatformKit
import Foundation
import Trafficking

extension RuleNotification {
    /// The body as compact JSON with sorted keys, ISO-8601 dates and absent values left out: what `JSONEncoder`
    /// with `.sortedKeys`, `.withoutEscapingSlashes` and `.iso8601` writes, and ``RuleNotification`` decodes.
    ///
    /// Written by hand because a run may notify thousands of entities at once, and Foundation's encoder spent
    /// more time on that than the whole evaluation of a thousand rules.
    public func jsonBody() -> Data {
        var json = JSONText()
        json.raw("{\"deliveryID\":")
        json.string(deliveryID)
        json.raw(",\"entities\":[")
        for (index, entity) in entities.enumerated() {
            if index > 0 { json.raw(",") }
            json.raw("{\"campaignID\":")
            json.string(entity.campaignID.uuidString)
            json.raw(",\"level\":")
            json.string(entity.level.rawValue)
            json.raw(",\"name\":")
            json.string(entity.name)
            json.raw(",\"platform\":")
            json.string(entity.platform.rawValue)
            json.raw(",\"platformID\":")
            json.string(entity.platformID)
            json.raw(",\"values\":[")
            for (position, observed) in entity.values.enumerated() {
                if position > 0 { json.raw(",") }
                var separator = "{"
                func key(_ name: String) {
                    json.raw(separator + "\"" + name + "\":")
                    separator = ","
                }
                if let metric = observed.metric {
                    key("metric")
                    json.string(metric.rawValue)
                }
                if let target = observed.target {
                    key("target")
                    json.string(target)
                }
                if let value = observed.value, value.isFinite {
                    key("value")
                    json.number(value)
                }
                if let window = observed.window {
                    key("window")
                    json.string(window.rawValue)
                }
                json.raw(separator == "{" ? "{}" : "}")
            }
            json.raw("]}")
        }
        json.raw("],\"firedAt\":")
        json.string(ISO8601DateFormatter().string(from: firedAt))
        json.raw(",\"ruleID\":")
        json.string(ruleID)
        json.raw(",\"ruleName\":")
        json.string(ruleName)
        json.raw("}")
        return Data(json.bytes)
    }
}

/// JSON text being written: strings escaped as JSON requires, numbers in their shortest form.
struct JSONText {
    private(set) var bytes: [UInt8] = []

    mutating func raw(_ text: String) { bytes.append(contentsOf: text.utf8) }

    mutating func string(_ text: String) {
        bytes.append(UInt8(ascii: "\""))
        let hex = Array("0123456789abcdef".utf8)
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "\""): bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "\"")])
            case UInt8(ascii: "\\"): bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "\\")])
            case UInt8(ascii: "\n"): bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "n")])
            case UInt8(ascii: "\r"): bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "r")])
            case UInt8(ascii: "\t"): bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "t")])
            case 0..<0x20:
                bytes.append(contentsOf: Array("\\u00".utf8))
                bytes.append(hex[Int(byte >> 4)])
                bytes.append(hex[Int(byte & 0x0F)])
            default: bytes.append(byte)
            }
        }
        bytes.append(UInt8(ascii: "\""))
    }

    /// A finite number: whole numbers without a fraction, others in Swift's shortest round-tripping form.
    mutating func number(_ value: Double) {
        if value == value.rounded(), abs(value) < 1e15 {
            raw(String(Int64(value)))
        } else {
            raw(String(value))
        }
    }
}
