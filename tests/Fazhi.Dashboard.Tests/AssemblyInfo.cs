using Xunit;

// Two cores shared with PostgreSQL, RabbitMQ and a browser: one test class at a time.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
