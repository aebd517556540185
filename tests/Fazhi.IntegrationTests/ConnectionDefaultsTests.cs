using Fazhi.ServiceDefaults.Hosting;
using Npgsql;
using Xunit;

namespace Fazhi.IntegrationTests;

/// <summary>The command-path defaults apply unless the operator's connection string says otherwise (no servers needed).</summary>
public sealed class ConnectionDefaultsTests
{
    [Fact]
    public void Statements_are_prepared_and_connections_not_reset_by_default()
    {
        var result = new NpgsqlConnectionStringBuilder(DatabaseExtensions.WithCommandPathDefaults("Host=db;Database=x"));
        Assert.Equal(64, result.MaxAutoPrepare);
        Assert.True(result.NoResetOnClose);
        Assert.Equal("db", result.Host);
    }

    [Theory]
    [InlineData("Host=db;Max Auto Prepare=0;No Reset On Close=false")]
    [InlineData("Host=db;MaxAutoPrepare=0;noresetonclose=false")]
    public void A_connection_string_that_names_them_wins(string given)
    {
        var result = new NpgsqlConnectionStringBuilder(DatabaseExtensions.WithCommandPathDefaults(given));
        Assert.Equal(0, result.MaxAutoPrepare);
        Assert.False(result.NoResetOnClose);
    }
}
