namespace Fazhi.ServiceDefaults.Admission;

public sealed class AdmissionOptions
{
    public const string Section = "Admission";

    /// <summary>
    /// API calls (gRPC and transcoded JSON) a service works on at once; one more is refused at once with
    /// RESOURCE_EXHAUSTED / HTTP 429 and a retry hint instead of waiting. 0 turns the limit off. Health, reflection and
    /// the dashboard's files are never limited. 256 keeps the group commit fed: one writer saves batches of 64 and
    /// queues up to 200 more, so 256 calls in progress fill a batch and most of the queue, and every call past that
    /// would only have waited longer. The limit bounds what a flood of calls can hold in memory once their requests
    /// have been read (each call's request scope, message and pending command); the transport's own bound is Kestrel's
    /// (streams per connection, connections).
    /// </summary>
    public int MaxConcurrentRequests { get; set; } = 256;
}
