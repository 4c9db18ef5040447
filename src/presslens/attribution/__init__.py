"""Attribution: who said what — quotes, their speakers, cues and channels."""
