import Crypto
import Foundation

extension MetaEmulator {
    /// `POST act_<id>/adimages`: every uploaded file part (the SDK names it after the file, `filename` or
    /// `source0`), or base64 `bytes`. The hash is the MD5 of the bytes; uploading the same bytes again returns the
    /// same image. Answers `{"images":{"<file name>":{"hash","url",…}}}`, keyed by file name as Graph does.
    func uploadImages(_ call: MetaCall, account: String, world: MockWorld) throws(MetaError) -> MockResponse {
        var uploads: [(name: String, data: Data)] = []
        for file in call.files {
            let name = (file.fileName ?? file.name).split(separator: "/").last.map(String.init) ?? file.name
            uploads.append((name, file.data))
        }
        if let encoded = try call.params.string("bytes") {
            guard let data = Data(base64Encoded: encoded, options: .ignoreUnknownCharacters) else {
                throw MetaError.param("param bytes must be a base64-encoded image.")
            }
            uploads.append((try call.params.string("name") ?? "bytes", data))
        }
        guard !uploads.isEmpty else {
            throw MetaError.invalid(
                "No Image Uploaded", "Upload the image as a file part, or send it base64-encoded in bytes.")
        }
        for upload in uploads {
            guard Self.imageSize(upload.data) != nil else {
                throw MetaError.invalid(
                    "Invalid Image", "\(upload.name) is not a supported image file (JPG, PNG, GIF, BMP, TIFF or WebP).")
            }
        }
        var images: [(String, MockJSON)] = []
        for upload in uploads {
            let hash = Insecure.MD5.hash(data: upload.data).map { Self.hexByte($0) }.joined()
            let stored = storeImage(hash: hash, name: upload.name, data: upload.data, account: account, world: world)
            var members: [(String, MockJSON)] = [("hash", .string(hash))]
            for key in ["url", "url_128", "name", "width", "height"] {
                if let value = stored.fields[key] { members.append((key, value)) }
            }
            images.append((upload.name, .object(members)))
        }
        return .json(.object([("images", .object(images))]))
    }

    /// Inserts an image (or brings back a deleted one with the same hash) and returns it.
    private func storeImage(hash: String, name: String, data: Data, account: String, world: MockWorld) -> MockEntity {
        world.uploadedMedia.store(data, platform: Self.platformID, md5: hash)
        let id = MetaCall.accountDigits(account) + ":" + hash
        if let existing = world.entity(Self.platformID, id) {
            guard existing.deleted else { return existing }
            return world.update(Self.platformID, id) { stored, now in
                stored.deleted = false
                stored.fields = stored.fields.setting("status", .string("ACTIVE"))
                    .setting("updated_time", .string(MetaTime.format(now)))
            } ?? existing
        }
        let now = world.now
        let created = MetaTime.format(now)
        let url = "https://scontent.xx.fbcdn.net/v/t45.1600-4/\(hash).png"
        var fields: [(String, MockJSON)] = [
            ("id", .string(id)), ("account_id", .string(MetaCall.accountDigits(account))), ("hash", .string(hash)),
            ("name", .string(name)), ("url", .string(url)), ("url_128", .string(url + "?stp=dst-png_s128x128")),
            ("permalink_url", .string("https://www.facebook.com/ads/image/?d=\(hash)")), ("status", .string("ACTIVE")),
        ]
        if let size = Self.imageSize(data), size.width > 0 {
            fields += [
                ("width", .int(size.width)), ("height", .int(size.height)), ("original_width", .int(size.width)),
                ("original_height", .int(size.height)),
            ]
        }
        fields += [("created_time", .string(created)), ("updated_time", .string(created))]
        let entity = MockEntity(
            platform: Self.platformID, kind: MetaKind.image, id: id, accountID: account, parentID: nil, name: name,
            fields: .object(fields), createdAt: now, role: .passive, active: false)
        world.insert(entity)
        return entity
    }

    /// `DELETE act_<id>/adimages?hash=…`.
    func deleteImage(_ call: MetaCall, account: String, world: MockWorld) throws(MetaError) -> MockResponse {
        let hash = try call.params.requiredString("hash")
        let id = MetaCall.accountDigits(account) + ":" + hash
        guard let image = world.entity(Self.platformID, id), !image.deleted else {
            throw MetaError.invalid("Image Not Found", "No image with hash \(hash) in this ad account.")
        }
        world.update(Self.platformID, id) { stored, now in
            stored.deleted = true
            stored.fields = stored.fields.setting("status", .string("DELETED"))
                .setting("updated_time", .string(MetaTime.format(now)))
        }
        return Self.success
    }

    private static let hexDigits = Array("0123456789abcdef")

    /// Two lower-case hex digits.
    static func hexByte(_ byte: UInt8) -> String {
        String([hexDigits[Int(byte >> 4)], hexDigits[Int(byte & 0x0F)]])
    }

    /// Width and height of a PNG, GIF or JPEG (0×0 for BMP, TIFF and WebP, which are accepted unmeasured);
    /// `nil` when the bytes are not an image Meta accepts.
    static func imageSize(_ data: Data) -> (width: Int, height: Int)? {
        let bytes = [UInt8](data.prefix(64 * 1024))
        func big(_ offset: Int, _ count: Int) -> Int {
            (0..<count).reduce(0) { $0 << 8 | Int(bytes[offset + $1]) }
        }
        if bytes.starts(with: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) {
            return bytes.count >= 24 ? (big(16, 4), big(20, 4)) : (0, 0)
        }
        if bytes.starts(with: Array("GIF8".utf8)) {
            return bytes.count >= 10
                ? (Int(bytes[6]) | Int(bytes[7]) << 8, Int(bytes[8]) | Int(bytes[9]) << 8) : (0, 0)
        }
        if bytes.starts(with: [0xFF, 0xD8, 0xFF]) {
            var index = 2
            while index + 9 < bytes.count {
                guard bytes[index] == 0xFF else { return (0, 0) }
                let marker = bytes[index + 1]
                if (0xC0...0xCF).contains(marker), ![0xC4, 0xC8, 0xCC].contains(marker) {
                    return (big(index + 7, 2), big(index + 5, 2))
                }
                index += 2 + big(index + 2, 2)
            }
            return (0, 0)
        }
        if bytes.starts(with: Array("BM".utf8)) || bytes.starts(with: [0x49, 0x49, 0x2A, 0x00])
            || bytes.starts(with: [0x4D, 0x4D, 0x00, 0x2A])
            || (bytes.starts(with: Array("RIFF".utf8)) && bytes.count >= 12
                && Array(bytes[8..<12]) == Array("WEBP".utf8))
        {
            return (0, 0)
        }
        return nil
    }
}
