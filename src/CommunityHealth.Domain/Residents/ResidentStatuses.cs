namespace CommunityHealth.Domain.Residents;

// Statuses and kinds the Residents rules decide on; the data layer stores them as integers.
public enum ResidentStatus { Active = 1, Closed = 2, Merged = 3 }
