import Foundation

/// One `GoogleAdsError` of a `GoogleAdsFailure`: the error code (its category is the key of the `errorCode` oneof),
/// the message, the value that triggered it and the location of the offending field.
struct GoogleAdsError: Sendable {
    /// One element of `location.fieldPathElements`: a proto field name, with the index into a repeated field.
    struct PathElement: Sendable, Hashable {
        /// The proto field name (`operations`, `create`, `campaign_budget`), as the API reports it.
        var name: String
        /// The index, for repeated fields.
        var index: Int?

        /// Creates an element.
        init(_ name: String, _ index: Int? = nil) {
            self.name = name
            self.index = index
        }
    }

    /// The `errorCode` member, e.g. `fieldError`.
    var category: String
    /// The enum value, e.g. `REQUIRED`.
    var code: String
    /// The message.
    var message: String
    /// The `trigger` value (`{"stringValue": …}`), if any.
    var trigger: MockJSON?
    /// The field path.
    var location: [PathElement]
    /// The `details` message (quota details), if any.
    var details: MockJSON?

    /// Creates an error with the code's documented message unless one is given.
    init(
        _ category: String, _ code: String, message: String? = nil, trigger: MockJSON? = nil,
        location: [PathElement] = [], details: MockJSON? = nil
    ) {
        self.category = category
        self.code = code
        self.message = message ?? Self.documentedMessage(category, code)
        self.trigger = trigger
        self.location = location
        self.details = details
    }

    /// A `trigger` holding a string.
    static func stringTrigger(_ text: String) -> MockJSON { .object([("stringValue", .string(text))]) }

    /// A `trigger` holding an int64 (a string in JSON).
    static func int64Trigger(_ value: Int64) -> MockJSON { .object([("int64Value", .string(String(value)))]) }

    /// The error as proto3 JSON.
    var json: MockJSON {
        var members: [(String, MockJSON)] = [
            ("errorCode", .object([(category, .string(code))])), ("message", .string(message)),
        ]
        if let trigger { members.append(("trigger", trigger)) }
        if !location.isEmpty {
            let elements = location.map { element -> MockJSON in
                var fields: [(String, MockJSON)] = [("fieldName", .string(element.name))]
                if let index = element.index { fields.append(("index", .int(index))) }
                return .object(fields)
            }
            members.append(("location", .object([("fieldPathElements", .array(elements))])))
        }
        if let details { members.append(("details", details)) }
        return .object(members)
    }

    /// The location as the dotted path partial-failure messages quote: `operations[0].create.name`.
    var dottedLocation: String {
        location.map { element in element.index.map { "\(element.name)[\($0)]" } ?? element.name }.joined(
            separator: ".")
    }

    /// The message the API documents for a code (the proto enum's comment), or a generic one.
    static func documentedMessage(_ category: String, _ code: String) -> String {
        messages["\(category).\(code)"] ?? "\(category) \(code)."
    }

    /// Documented messages of the codes the emulator answers with, from the v23 error protos.
    private static let messages: [String: String] = [
        "fieldError.REQUIRED": "The required field was not present.",
        "fieldError.IMMUTABLE_FIELD": "The field attempted to be mutated is immutable.",
        "fieldError.INVALID_VALUE": "The field's value is invalid.",
        "fieldError.VALUE_MUST_BE_UNSET": "The field cannot be set.",
        "fieldError.REQUIRED_NONEMPTY_LIST": "The required repeated field was empty.",
        "fieldMaskError.FIELD_MASK_MISSING": "The field mask must be provided for update operations.",
        "fieldMaskError.FIELD_NOT_FOUND": "The field mask specified an invalid field.",
        "fieldMaskError.FIELD_HAS_SUBFIELDS":
            "The field mask updated a field with subfields. Fields with subfields may be cleared, but not updated. "
            + "To fix this, the field mask should select all the subfields of the invalid field.",
        "mutateError.RESOURCE_NOT_FOUND": "Requested resource was not found.",
        "mutateError.RESOURCE_ALREADY_EXISTS": "The resource being created already exists.",
        "mutateError.ID_EXISTS_IN_MULTIPLE_MUTATES": "Cannot mutate the same resource twice in one request.",
        "requestError.RESOURCE_NAME_MISSING": "Resource name is required for this request.",
        "requestError.RESOURCE_NAME_MALFORMED": "Resource name provided is malformed.",
        "requestError.BAD_RESOURCE_ID": "Resource name provided is malformed.",
        "requestError.INVALID_CUSTOMER_ID": "Customer ID is invalid.",
        "requestError.OPERATION_REQUIRED": "Mutate operations must have 'create', 'update', or 'remove' specified.",
        "requestError.INVALID_PAGE_TOKEN": "Next page token specified in user request is invalid.",
        "requestError.PAGE_SIZE_NOT_SUPPORTED":
            "Setting the page size is not supported, and will be unavailable in a future version.",
        "requestError.DEVELOPER_TOKEN_PARAMETER_MISSING": "developer-token parameter is missing.",
        "requestError.INVALID_ENUM_VALUE": "Enum value is not permitted.",
        "requestError.VALIDATE_ONLY_REQUEST_HAS_PAGE_TOKEN": "page_token is set in the validate only request",
        "requestError.CANNOT_RETURN_SUMMARY_ROW_FOR_REQUEST_WITHOUT_METRICS":
            "return_summary_row cannot be enabled if request did not select any metrics field.",
        "requestError.UNSUPPORTED_VERSION": "This API version has been sunset and is no longer supported.",
        "requestError.TOO_MANY_MUTATE_OPERATIONS": "Received too many entries in request.",
        "headerError.INVALID_LOGIN_CUSTOMER_ID": "The login customer ID could not be validated.",
        "authenticationError.AUTHENTICATION_ERROR": "Authentication of the request failed.",
        "authenticationError.OAUTH_TOKEN_INVALID": "OAuth token in the header is not valid.",
        "authenticationError.OAUTH_TOKEN_EXPIRED": "OAuth token in the header has expired.",
        "authenticationError.OAUTH_TOKEN_REVOKED": "OAuth token in the header has been revoked.",
        "authenticationError.OAUTH_TOKEN_HEADER_INVALID": "OAuth token HTTP header is malformed.",
        "authenticationError.NOT_ADS_USER":
            "The Google account that generated the OAuth access token is not associated with a Google Ads account.",
        "authenticationError.CUSTOMER_NOT_FOUND": "No customer found for the provided customer ID.",
        "authenticationError.DEVELOPER_TOKEN_INVALID": "The developer token is not valid.",
        "authorizationError.USER_PERMISSION_DENIED":
            "User doesn't have permission to access customer. Note: If you're accessing a client customer, the "
            + "manager's customer id must be set in the 'login-customer-id' header.",
        "authorizationError.DEVELOPER_TOKEN_NOT_APPROVED":
            "The developer token is only approved for use with test accounts.",
        "authorizationError.DEVELOPER_TOKEN_PROHIBITED": "The developer token is not allowed with the project sent.",
        "authorizationError.CUSTOMER_NOT_ENABLED": "The customer account can't be accessed because it is not yet "
            + "enabled or has been deactivated.",
        "quotaError.RESOURCE_EXHAUSTED": "Too many requests.",
        "quotaError.RESOURCE_TEMPORARILY_EXHAUSTED": "Too many requests in a short amount of time.",
        "quotaError.ACCESS_PROHIBITED": "Access is prohibited.",
        "internalError.INTERNAL_ERROR": "An internal error has occurred.",
        "internalError.TRANSIENT_ERROR":
            "Google Ads API encountered an unexpected transient error. The user should retry their request in "
            + "these cases.",
        "internalError.DEADLINE_EXCEEDED": "The request took longer than a deadline.",
        "databaseError.CONCURRENT_MODIFICATION":
            "Multiple requests were attempting to modify the same resource at once. Retry the request.",
        "campaignError.DUPLICATE_CAMPAIGN_NAME":
            "Trying to modify the name of an active or paused campaign, where the name is already assigned to "
            + "another active or paused campaign.",
        "campaignError.INVALID_CAMPAIGN_NAME": "Campaign name cannot be used.",
        "campaignBudgetError.CAMPAIGN_BUDGET_REMOVED": "The requested campaign budget no longer exists.",
        "campaignBudgetError.CAMPAIGN_BUDGET_IN_USE":
            "The campaign budget is associated with at least one campaign, and so the campaign budget cannot be "
            + "removed.",
        "campaignBudgetError.DUPLICATE_NAME": "A campaign budget with this name already exists.",
        "campaignBudgetError.NEGATIVE_MONEY_AMOUNT": "A money amount was negative.",
        "campaignBudgetError.NON_MULTIPLE_OF_MINIMUM_CURRENCY_UNIT":
            "A money amount was not a multiple of a minimum unit.",
        "campaignBudgetError.MONEY_AMOUNT_LESS_THAN_CURRENCY_MINIMUM_CPC":
            "A money amount was less than the minimum CPC for currency.",
        "campaignBudgetError.MONEY_AMOUNT_TOO_LARGE": "A money amount was greater than the maximum allowed.",
        "campaignBudgetError.CANNOT_USE_IMPLICITLY_SHARED_CAMPAIGN_BUDGET_WITH_MULTIPLE_CAMPAIGNS":
            "Only explicitly shared campaign budgets can be used with multiple campaigns.",
        "adGroupError.DUPLICATE_ADGROUP_NAME": "AdGroup with the same name already exists for the campaign.",
        "adGroupError.AD_GROUP_TYPE_NOT_VALID_FOR_ADVERTISING_CHANNEL_TYPE":
            "The ad group type is not compatible with the campaign channel type.",
        "adError.TOO_LONG": "The string has too many characters.",
        "adError.CANNOT_SET_PATH2_WITHOUT_PATH1": "Cannot set path2 without path1.",
        "adError.MISSING_HEADLINE": "Headline must be entered.",
        "adError.EMPTY_FIELD": "The ad field is empty.",
        "assetError.DUPLICATE_ASSET": "Assets are duplicated across operations.",
        "collectionSizeError.TOO_FEW": "Too few.",
        "collectionSizeError.TOO_MANY": "Too many.",
        "stringLengthError.EMPTY": "The specified field should have a least one non-whitespace character in it.",
        "stringLengthError.TOO_LONG": "Too long.",
        "stringFormatError.ILLEGAL_CHARS": "The input string value contains disallowed characters.",
        "urlFieldError.MISSING_PROTOCOL_IN_FINAL_URL": "The final url is missing a protocol.",
        "urlFieldError.INVALID_PROTOCOL_IN_FINAL_URL": "The final url has an invalid protocol.",
        "urlFieldError.MISSING_HOST_IN_FINAL_URL": "The final url is missing a host.",
        "dateError.INVALID_STRING_DATE_TIME_SECONDS": "The string date time's format should be yyyy-mm-dd hh:mm:ss.",
        "dateRangeError.START_DATE_AFTER_END_DATE": "Cannot set end date before start date.",
        "operationAccessDeniedError.OPERATION_NOT_PERMITTED_FOR_REMOVED_RESOURCE":
            "This operation is not allowed because the resource is removed.",
        "operationAccessDeniedError.CREATE_AS_REMOVED_NOT_PERMITTED":
            "A CREATE operation may not set status to REMOVED.",
        "campaignCriterionError.CONCRETE_TYPE_REQUIRED":
            "Concrete type of criterion (keyword v.s. placement) is required for CREATE and UPDATE operations.",
        "criterionError.KEYWORD_TEXT_TOO_LONG": "Keyword text is too long.",
        "criterionError.KEYWORD_HAS_TOO_MANY_WORDS": "Keyword text has too many words.",
        "criterionError.INVALID_KEYWORD_TEXT": "Keyword text is empty or invalid.",
        "newResourceCreationError.DUPLICATE_TEMP_IDS": "Temporary ids are not unique.",
        "newResourceCreationError.TEMP_ID_RESOURCE_HAD_ERRORS":
            "Cannot refer to a temporary id of a resource that had errors.",
        "newResourceCreationError.CANNOT_SET_ID_FOR_CREATE": "Do not set the id field while creating new resources.",
        "queryError.UNRECOGNIZED_FIELD": "Query contains one or more unrecognized fields.",
    ]
}
