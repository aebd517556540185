namespace Fazhi.Demo.Tests;

public sealed class PlaceholderTests
{
    [Fact]
    public void Builds() => Assert.True(typeof(PlaceholderTests).Assembly.GetName().Name == "Fazhi.Demo.Tests");
}
