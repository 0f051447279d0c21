import Crypto
import Foundation

extension TikTokEmulator {
    /// `POST /file/image/ad/upload/`: multipart (or JSON for `UPLOAD_BY_URL`) with `advertiser_id` and
    /// `upload_type` (default `UPLOAD_BY_FILE`).
    ///
    /// - `UPLOAD_BY_FILE` needs `image_file` and `image_signature`, the file's MD5 (a mismatch answers 40900); an
    ///   empty file answers 40906 and anything but PNG, JPEG or GIF 40908. The same file uploaded again by the
    ///   same advertiser answers the image already stored, as TikTok de-duplicates materials.
    /// - `UPLOAD_BY_URL` needs an http(s) `image_url`; nothing is fetched, so the size and signature are derived
    ///   from the URL.
    /// - `UPLOAD_BY_FILE_ID` answers 40007: the emulator keeps no chunked-upload files.
    ///
    /// Answers `image_id`, `material_id`, `width`, `height`, `format`, `image_url`, `signature`, `size`,
    /// `file_name` and times.
    func uploadImage(_ call: TikTokCall) throws(TikTokError) -> MockJSON {
        let request = call.request
        let params: TikTokParams
        var file: MockMultipartPart?
        if request.mediaType == "multipart/form-data" {
            guard let parts = request.multipart else {
                throw .invalid("body", "Malformed multipart/form-data body.")
            }
            params = TikTokParams(pairs: parts.filter { $0.fileName == nil }.map { ($0.name, $0.text) })
            file = parts.first { $0.name == "image_file" && $0.fileName != nil }
        } else {
            params = try call.body()
        }
        let advertiser = try params.advertiserID()
        let uploadType = try params.enumValue("upload_type", TikTokEnums.uploadTypes) ?? "UPLOAD_BY_FILE"
        let fileName = try params.string("file_name")
        if let fileName, fileName.isEmpty || fileName.count > 100 {
            throw .invalid("file_name", "Length must be between 1 and 100 characters.")
        }
        let data: Data
        let signature: String
        let info: ImageProbe.Info
        var name = fileName
        switch uploadType {
        case "UPLOAD_BY_FILE":
            guard let file else {
                if params.has("image_file") {
                    throw .invalid("image_file", "Not a valid file. Send it as a file part.")
                }
                throw .missing("image_file")
            }
            guard !file.data.isEmpty else { throw TikTokError(code: 40906, message: "image_file: The file is empty.") }
            let given = try params.requiredString("image_signature")
            signature = Self.md5(file.data)
            guard given.lowercased() == signature else {
                throw TikTokError(
                    code: 40900, message: "image_signature: The signature does not match the MD5 of image_file.")
            }
            guard let probed = ImageProbe.inspect(file.data) else {
                throw TikTokError(code: 40908, message: "image_file: File type error. Upload a JPG, PNG or GIF image.")
            }
            data = file.data
            info = probed
            call.world.uploadedMedia.store(data, platform: Self.platformID, md5: signature)
            if name == nil { name = file.fileName.flatMap { $0.isEmpty ? nil : String($0.prefix(100)) } }
        case "UPLOAD_BY_URL":
            let url = try params.requiredString("image_url")
            guard Self.isWebURL(url) else { throw .invalid("image_url", "Not a valid URL. Use an http(s) URL.") }
            data = Data(url.utf8)
            signature = Self.md5(data)
            let lower = url.lowercased()
            let format = lower.hasSuffix(".png") ? "png" : lower.hasSuffix(".gif") ? "gif" : "jpeg"
            info = ImageProbe.Info(format: format, width: 1080, height: 1920)
            if name == nil { name = url.split(separator: "/").last.map { String($0.prefix(100)) } }
        default:
            let fileID = try params.requiredString("file_id")
            throw .notExist(
                "file_id", "File \(fileID) does not exist. The emulator keeps no chunked uploads; use UPLOAD_BY_FILE.")
        }
        let existing = call.world.entities(
            Self.platformID, kind: "image", account: advertiser, field: "signature", equals: signature)
        if let existing = existing.first { return existing.fields }
        let materialID = call.world.mintID(.tiktok)
        let imageID =
            "ad-site-i18n-sg/" + String(TikTokTime.compact(call.now).prefix(8))
            + String(Self.md5(Data((materialID + signature).utf8)).prefix(24))
        let size =
            uploadType == "UPLOAD_BY_FILE"
            ? data.count : 20_000 + Int(SplitMix64.hash(call.world.seed, signature) % 400_000)
        let time = MockJSON.string(call.timestamp)
        let fileNameValue = name ?? "\(signature).\(info.format)"
        let fields = MockJSON.object([
            ("image_id", .string(imageID)), ("material_id", .string(materialID)),
            ("is_carousel_usable", .bool(info.width * 10 >= info.height * 5 && info.height * 10 >= info.width * 5)),
            ("width", .int(info.width)), ("height", .int(info.height)), ("format", .string(info.format)),
            ("image_url", .string("https://p16-sign-sg.tiktokcdn.com/\(imageID)~tplv-noop.\(info.format)")),
            ("signature", .string(signature)), ("size", .int(size)), ("file_name", .string(fileNameValue)),
            ("displayable", .bool(true)), ("create_time", time), ("modify_time", time),
        ])
        call.world.insert(
            MockEntity(
                platform: Self.platformID, kind: "image", id: imageID, accountID: advertiser, parentID: nil,
                name: fileNameValue, fields: fields, createdAt: call.now, role: .passive, active: false))
        return fields
    }

    /// `GET /file/image/ad/info/`: `advertiser_id` and `image_ids` (1–100) required; answers
    /// `{"list":[…]}` with the images that exist.
    func imageInfo(_ call: TikTokCall) throws(TikTokError) -> MockJSON {
        let query = call.query
        let advertiser = try query.advertiserID()
        let ids = try query.requiredStringList("image_ids", maximum: 100)
        var list: [MockJSON] = []
        for id in ids {
            if let image = call.world.entity(Self.platformID, id), image.kind == "image", image.accountID == advertiser
            {
                list.append(image.fields)
            }
        }
        return .object([("list", .array(list))])
    }

    /// Lower-case hex MD5, the `image_signature` TikTok checks.
    static func md5(_ data: Data) -> String {
        let hex: [Character] = Array("0123456789abcdef")
        var text = ""
        text.reserveCapacity(32)
        for byte in Insecure.MD5.hash(data: data) {
            text.append(hex[Int(byte >> 4)])
            text.append(hex[Int(byte & 0x0F)])
        }
        return text
    }
}
