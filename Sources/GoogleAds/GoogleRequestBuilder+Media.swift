import AdPlatformKit
import Foundation

extension GoogleRequestBuilder {
    /// Google's `MimeType` enum value for each image content type this module uploads.
    public static let imageMimeTypes: [String: String] = [
        "image/png": "IMAGE_PNG", "image/jpeg": "IMAGE_JPEG", "image/jpg": "IMAGE_JPEG", "image/gif": "IMAGE_GIF",
    ]

    /// An `assets:mutate` that creates an image asset from the bytes, base64-encoded, with its size in bytes and,
    /// when both are known, its pixel dimensions.
    public func uploadMedia(
        _ media: MediaUpload, in account: AccountContext
    ) throws(AdPlatformError)
        -> PlatformHTTPRequest
    {
        let operation = "uploadMedia"
        guard media.kind == .image else {
            throw .google(
                .unsupported, "this module uploads images only; Google videos are YouTube videos", operation: operation,
                fieldPath: "kind")
        }
        let contentType = media.contentType.lowercased().split(separator: ";").first.map {
            $0.trimmingCharacters(in: .whitespaces)
        }
        guard let contentType, let mimeType = Self.imageMimeTypes[contentType] else {
            throw .google(
                .invalidParameter, "'\(media.contentType)' is not an image type Google takes (PNG, JPEG, GIF)",
                operation: operation, fieldPath: "contentType")
        }
        var image: [String: JSONValue] = [
            "data": .string(media.data.base64EncodedString()),
            "fileSize": .string(String(media.data.count)),
            "mimeType": .string(mimeType),
        ]
        if let width = media.width, let height = media.height {
            image["fullSize"] = ["heightPixels": .string(String(height)), "widthPixels": .string(String(width))]
        }
        let create: JSONValue = ["name": .string(media.fileName), "type": "IMAGE", "imageAsset": .object(image)]
        return try post("assets:mutate", body: ["operations": [["create": create]]], in: account, operation: operation)
    }
}
