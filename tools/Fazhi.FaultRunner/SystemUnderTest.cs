namespace Fazhi.FaultRunner;

/// <summary>
/// The system a fault run drives: the run's own PostgreSQL cluster and RabbitMQ node (so it may stop and restart them
/// without touching anything else on the machine) and the five services running as child processes on them.
/// </summary>
/// <param name="Databases">Service name (<see cref="Services"/>) → connection string of its own database.</param>
/// <param name="Amqp">An administrator's AMQP URI whose path is the run's virtual host.</param>
/// <param name="RabbitManagement">The management API's base address with an administrator's credentials in it.</param>
/// <param name="Rest">Service name → base address of its JSON-over-HTTP port.</param>
/// <param name="SigningKey">The development signing key the services accept tokens of.</param>
public sealed record SystemUnderTest(
    string PostgresAdmin,
    IReadOnlyDictionary<string, string> Databases,
    Uri Amqp,
    Uri RabbitManagement,
    string VirtualHost,
    IReadOnlyDictionary<string, Uri> Rest,
    string SigningKey);

/// <summary>The five services, by the names used everywhere in a run (database fazhi_&lt;name&gt;, log &lt;name&gt;.log).</summary>
public static class Services
{
    public const string Reconsideration = "reconsideration";
    public const string Litigation = "litigation";
    public const string Enforcement = "enforcement";
    public const string Disclosure = "disclosure";
    public const string Reporting = "reporting";

    public static readonly IReadOnlyList<string> Domain = [Reconsideration, Litigation, Enforcement, Disclosure];
    public static readonly IReadOnlyList<string> All = [.. Domain, Reporting];
}
