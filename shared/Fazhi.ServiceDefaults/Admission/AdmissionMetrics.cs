using System.Diagnostics.Metrics;

namespace Fazhi.ServiceDefaults.Admission;

public static class AdmissionMetrics
{
    /// <summary>API calls refused at the door because <see cref="AdmissionOptions.MaxConcurrentRequests"/> were in progress.</summary>
    public static readonly Counter<long> Refused =
        FazhiTelemetry.Meter.CreateCounter<long>("fazhi.admission.refused", "{request}", "API calls refused because the service was at its concurrency limit");
}
