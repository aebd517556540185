using Fazhi.Reporting.Extensions;
using Fazhi.Reporting.Infrastructure;
using Fazhi.ServiceDefaults.Hosting;

var builder = WebApplication.CreateBuilder(args);
builder.AddReportingService();

var app = builder.Build();
app.MapReportingService();

await app.RunWithMigrationsAsync<ReportingDbContext>(args);
