namespace CommunityHealth.Domain.Immunization;

// Statuses and kinds the Immunization rules decide on; the data layer stores them as integers.
public enum VaccineeStatus { Active = 0, MovedAway = 1, Closed = 2 }
public enum ContraindicationKind { Contraindication = 0, Exemption = 1 }
public enum StockMovementKind { Receipt = 0, Adjustment = 1, Administration = 2 }
public enum ReminderStatus { Pending = 0, Sent = 1, Failed = 2 }
