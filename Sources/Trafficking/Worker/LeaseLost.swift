/// A worker lost the lease on a job or an action to another worker, which now decides what happens to it. The
/// worker drops the work and goes on claiming.
struct LeaseLost: Error {}
