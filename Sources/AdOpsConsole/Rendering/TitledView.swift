/// A page's view that names what it shows, such as a campaign's name, so that a browser's tabs and history tell
/// two campaigns apart; pages without one keep the title their route gives.
protocol TitledView {
    /// The page's title, before " · AdOps Lab".
    var pageTitle: String { get }
}
