namespace Fazhi.FaultRunner.Verify;

internal static class HttpBase
{
    /// <summary>
    /// <paramref name="address"/> as an HttpClient base address: without credentials and ending in a slash, so relative
    /// routes append to its path instead of replacing its last segment.
    /// </summary>
    public static Uri Of(Uri address)
    {
        var builder = new UriBuilder(address) { UserName = "", Password = "" };
        if (!builder.Path.EndsWith('/')) builder.Path += "/";
        return builder.Uri;
    }
}
