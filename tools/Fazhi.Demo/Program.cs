// Logs a demo year through the services' public APIs (see README, "Demo year").
return 0;
