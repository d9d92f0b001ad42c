// The platform (current user, outcomes → HTTP, texts, paging) is used by every module.
global using CommunityHealth.Web.Platform;
