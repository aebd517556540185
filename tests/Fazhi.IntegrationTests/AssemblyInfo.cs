using Xunit;

// Two cores: each test class runs two services, and PostgreSQL and RabbitMQ share the machine.
[assembly: CollectionBehavior(MaxParallelThreads = 2)]
