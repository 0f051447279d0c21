import Foundation
import Mustache

/// Renders the console's pages: each page's template fills the `main` block of `layout`, which carries the
/// navigation, the sign-out form with its CSRF token, and the versioned asset URLs.
///
/// Every `{{value}}` is HTML-escaped by swift-mustache (`<`, `>`, `&`, `"` and `'`), so names, headlines and
/// platform errors can never become markup; the only unescaped values (`{{{…}}}`) are the SVG charts, which
/// ``SVGChart`` builds from numbers and escaped labels.
struct PageRenderer: Sendable {
    /// The parsed templates.
    let library: MustacheLibrary
    /// The assets, for their URLs.
    let files: ConsoleFiles

    /// Parses every template; a template that does not parse is a defect in the build, reported by name.
    init(files: ConsoleFiles) throws {
        var library = MustacheLibrary()
        for (name, text) in files.templates.sorted(by: { $0.key < $1.key }) {
            do {
                try library.register(text, named: name)
            } catch {
                throw ConsoleError(.brokenTemplate, field: "\(name).mustache", "does not parse: \(error)")
            }
        }
        self.library = library
        self.files = files
    }

    /// A page: `template` rendered with `content`, inside the layout.
    func page(
        _ template: String, title: String, section: ConsoleSection?, csrf: String?, content: Any,
        notice: String? = nil
    ) -> String {
        let layout = LayoutView(
            title: title, navigation: ConsoleSection.allCases.map { NavigationItem($0, current: $0 == section) },
            signedIn: csrf != nil, csrf: csrf ?? "", notice: notice, stylesheet: files.url(ofAsset: "console.css"),
            script: files.url(ofAsset: "console.js"))
        return library.render(PageView(layout: layout, content: content), withTemplate: template)
            ?? "template \(template) is missing"
    }
}

/// What the layout shows around every page.
struct LayoutView {
    /// The page's title, before " · AdOps Lab".
    var title: String
    /// The navigation, with the current section marked.
    var navigation: [NavigationItem]
    /// Whether someone is signed in (the navigation and sign-out show).
    var signedIn: Bool
    /// The CSRF token of the sign-out form.
    var csrf: String
    /// A one-line message from the last action (e.g. "Pause requested"), shown once.
    var notice: String?
    /// The stylesheet's versioned URL.
    var stylesheet: String
    /// The script's versioned URL.
    var script: String
}

/// A page's layout and its own content, as its template sees them: `{{#layout}}…` and `{{#content}}…`.
struct PageView {
    /// The layout.
    var layout: LayoutView
    /// The page's own view.
    var content: Any
}

/// A link in the navigation.
struct NavigationItem {
    /// The label.
    var label: String
    /// The URL.
    var href: String
    /// Whether it is the page shown (`aria-current="page"`).
    var current: Bool

    init(_ section: ConsoleSection, current: Bool) {
        self.label = section.label
        self.href = section.href
        self.current = current
    }
}

/// The console's sections, in the navigation's order.
enum ConsoleSection: String, CaseIterable, Sendable {
    case overview, campaigns, studio, jobs, accounts, rules

    /// The navigation's label.
    var label: String {
        switch self {
        case .overview: "Overview"
        case .campaigns: "Campaigns"
        case .studio: "New campaign"
        case .jobs: "Jobs"
        case .accounts: "Accounts"
        case .rules: "Rules"
        }
    }

    /// The section's page.
    var href: String {
        switch self {
        case .overview: "/"
        case .campaigns: "/campaigns"
        case .studio: "/studio"
        case .jobs: "/jobs"
        case .accounts: "/accounts"
        case .rules: "/rules"
        }
    }
}
