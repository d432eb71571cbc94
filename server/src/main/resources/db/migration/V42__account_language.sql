-- Issue 17: the language of an account's mails (a BCP 47 tag the catalogues offer, such as 'de'
-- or 'pt-BR'), chosen on the settings page or with the language picker; null means English.
alter table accounts add column language varchar(16);
