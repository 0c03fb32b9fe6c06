"""The web app (Django): departments fill in and submit, the finance bureau reviews. The only package importing Django."""
